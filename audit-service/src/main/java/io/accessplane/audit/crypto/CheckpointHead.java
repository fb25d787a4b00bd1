package io.accessplane.audit.crypto;

import java.util.Objects;

/**
 * What one signed checkpoint says about one project's chain: the record at {@code index} has {@code hash}.
 *
 * @param checkpointId the checkpoint that says so, to name it in a report
 * @param index the chain index the checkpoint pins
 * @param hash the hash, lower-case hex, that the record at that index had when the checkpoint was signed
 */
public record CheckpointHead(String checkpointId, long index, String hash) {

    /** Checks the fields are present and the hash is 64 lower-case hex digits. */
    public CheckpointHead {
        Objects.requireNonNull(checkpointId, "checkpointId");
        if (index < 0) {
            throw new IllegalArgumentException("checkpoint head index must not be negative, got " + index);
        }
        if (!HashChain.isHashHex(Objects.requireNonNull(hash, "hash"))) {
            throw new IllegalArgumentException("checkpoint head hash must be 64 lower-case hex digits");
        }
    }
}

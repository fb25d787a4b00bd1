package io.accessplane.audit.crypto;

import java.util.Objects;

/**
 * Where verification of a project's chain starts: the index and hash of the record just before the
 * first stored one.
 *
 * @param index 0 for a chain never purged; after a retention purge, the index of the last purged record
 * @param hash {@link HashChain#GENESIS_HEX} for a chain never purged; otherwise the last purged record's hash
 */
public record ChainAnchor(long index, String hash) {

    /** Checks the index is not negative and the hash is 64 lower-case hex digits. */
    public ChainAnchor {
        if (index < 0) {
            throw new IllegalArgumentException("anchor index must not be negative, got " + index);
        }
        if (!HashChain.isHashHex(Objects.requireNonNull(hash, "hash"))) {
            throw new IllegalArgumentException("anchor hash must be 64 lower-case hex digits");
        }
    }

    /** The anchor of a chain that has never been purged: index 0, the genesis hash. */
    public static ChainAnchor genesis() {
        return new ChainAnchor(0, HashChain.GENESIS_HEX);
    }
}

package io.accessplane.audit.crypto;

import java.util.Objects;

/**
 * One project's chain head as a checkpoint records it.
 *
 * @param projectId the project
 * @param index the index of the project's last record when the checkpoint was made (0: no records yet)
 * @param hash that record's hash (or the anchor's), 64 lower-case hex digits
 */
public record ProjectHead(String projectId, long index, String hash) {
    /** The largest integer a JSON number carries exactly through RFC 8785's binary64 arithmetic (2^53 - 1). */
    public static final long MAX_INDEX = (1L << 53) - 1;

    /** Checks the project id is present, the index fits a JSON number exactly and the hash is well formed. */
    public ProjectHead {
        Objects.requireNonNull(projectId, "projectId");
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("head index must be in [0, 2^53 - 1], got " + index);
        }
        if (!HashChain.isHashHex(Objects.requireNonNull(hash, "hash"))) {
            throw new IllegalArgumentException("head hash must be 64 lower-case hex digits");
        }
    }
}

package io.accessplane.audit.crypto;

import java.util.Objects;

/**
 * The first bad checkpoint in a sequence.
 *
 * @param kind what is wrong with it
 * @param checkpointId its id
 * @param detail a human-readable explanation
 */
public record CheckpointProblem(Kind kind, String checkpointId, String detail) {

    /** Checks every part is present. */
    public CheckpointProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(checkpointId, "checkpointId");
        Objects.requireNonNull(detail, "detail");
    }

    /** What can be wrong with a checkpoint. */
    public enum Kind {
        /** Signed by a key whose fingerprint is not among the trusted keys. */
        UNKNOWN_KEY,
        /** The signature does not verify (or is not base64, or the algorithm is not Ed25519). */
        INVALID_SIGNATURE,
        /** Validly signed, but it does not name its predecessor's signature (or the first names one). */
        BROKEN_LINK
    }
}

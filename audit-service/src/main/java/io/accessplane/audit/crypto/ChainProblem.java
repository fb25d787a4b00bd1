package io.accessplane.audit.crypto;

import java.util.Objects;

/**
 * The first thing wrong with a project's stored chain.
 *
 * @param kind what went wrong
 * @param index the chain index where it went wrong
 * @param eventId the event id of the row at fault, or null when there is no row (MISSING, or the anchor itself)
 * @param detail a human-readable explanation (indexes, ids and hashes only, never event content)
 */
public record ChainProblem(Kind kind, long index, String eventId, String detail) {

    /** Checks kind and detail are present. */
    public ChainProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of damage a chain can show; {@link ChainVerifier} documents how each is decided. */
    public enum Kind {
        /** A row's content or hash changed, or its bytes are not canonical. */
        ALTERED,
        /** A row that does not belong between its neighbours, or a second row at one index. */
        INSERTED,
        /** Rows absent: an index gap, or a checkpoint pinning an index past the stored end. */
        MISSING
    }
}

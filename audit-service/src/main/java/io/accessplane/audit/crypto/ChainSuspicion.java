package io.accessplane.audit.crypto;

import io.accessplane.audit.crypto.ChainProblem.Kind;

/**
 * A doubt about one chain index that {@link ChainVerifier} cannot settle until it sees the next record (or
 * learns there is none); see the rules in {@link ChainVerifier}.
 */
sealed interface ChainSuspicion permits ChainSuspicion.BrokenLink, ChainSuspicion.Fork,
        ChainSuspicion.CheckpointMismatch {

    /** The index in doubt. */
    long index();

    /** The problem, given the next record, or null at the end of the chain. */
    ChainProblem resolve(ChainRecord next);

    /** INSERTED at {@code index}: {@code next} chains directly from {@code index - 1}, skipping it. */
    static ChainProblem insertedBetween(long index, String eventId, ChainRecord next) {
        return new ChainProblem(Kind.INSERTED, index, eventId, "the record at index " + next.index() + " (event "
                + next.eventId() + ") chains directly from index " + (index - 1) + ", so this record was inserted");
    }

    /** INSERTED at {@code index}, which more than one row claims; {@code named} is the row judged forged. */
    static ChainProblem duplicate(long index, String named, String other, String why) {
        return new ChainProblem(Kind.INSERTED, index, named, "index " + index + " appears more than once (events "
                + other + " and " + named + "); " + why);
    }

    /** Rule 6: a record at t+1 that chains from neither t nor t-1. */
    record BrokenLink(ChainRecord suspect, String previousHash) implements ChainSuspicion {
        @Override
        public long index() {
            return suspect.index();
        }

        @Override
        public ChainProblem resolve(ChainRecord next) {
            long index = suspect.index();
            if (next != null && (next.index() == index || next.index() == index + 1)
                    && next.chainsFrom(previousHash)) {
                return next.index() == index
                        ? duplicate(index, suspect.eventId(), next.eventId(), "only the other row chains from index "
                                + (index - 1))
                        : insertedBetween(index, suspect.eventId(), next);
            }
            if (next != null && next.index() == index) {
                return duplicate(index, suspect.eventId(), next.eventId(), "neither row chains from index "
                        + (index - 1));
            }
            return new ChainProblem(Kind.ALTERED, index, suspect.eventId(), "the stored bytes and hash do not chain"
                    + " from index " + (index - 1) + " (stored hash " + suspect.storedHash() + ")");
        }
    }

    /** Rule 2: two rows at one index that both chain from the index before. */
    record Fork(long index, String committedEventId, ChainRecord twin) implements ChainSuspicion {
        @Override
        public ChainProblem resolve(ChainRecord next) {
            if (next != null && next.index() == index + 1 && next.chainsFrom(twin.storedHash())) {
                return duplicate(index, committedEventId, twin.eventId(), "the next record chains from the other row");
            }
            return duplicate(index, twin.eventId(), committedEventId, next == null
                    ? "no later record shows which row is genuine; the later row is named"
                    : "the next record does not chain from this row");
        }
    }

    /** Rule 7: a committed record whose hash is not the one a checkpoint signed for its index. */
    record CheckpointMismatch(CheckpointHead head, String eventId, String storedHash, String hashBefore)
            implements ChainSuspicion {
        @Override
        public long index() {
            return head.index();
        }

        @Override
        public ChainProblem resolve(ChainRecord next) {
            long index = head.index();
            if (next != null && next.index() == index + 1 && next.chainsFrom(hashBefore)) {
                return insertedBetween(index, eventId, next);
            }
            if (next != null && next.index() == index && next.storedHash().equals(head.hash())
                    && next.chainsFrom(hashBefore)) {
                return duplicate(index, eventId, next.eventId(), "checkpoint " + head.checkpointId()
                        + " signed the other row's hash");
            }
            return new ChainProblem(Kind.ALTERED, index, eventId, "checkpoint " + head.checkpointId() + " pins index "
                    + index + " to " + head.hash() + " but the stored hash is " + storedHash);
        }
    }
}

package io.accessplane.audit.crypto;

/**
 * The verdict on a sequence of signed checkpoints.
 *
 * @param intact true when every checkpoint is validly signed by a trusted key and linked to its predecessor
 * @param checkpointsChecked how many checkpoints passed every check before the first problem (all when intact)
 * @param firstProblem the first bad checkpoint, or null when intact
 */
public record CheckpointChainReport(boolean intact, int checkpointsChecked, CheckpointProblem firstProblem) {

    /** Checks that {@code intact} and {@code firstProblem} agree. */
    public CheckpointChainReport {
        if (intact != (firstProblem == null)) {
            throw new IllegalArgumentException("a report is intact exactly when it has no problem");
        }
    }
}

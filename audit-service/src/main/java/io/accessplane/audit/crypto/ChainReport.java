package io.accessplane.audit.crypto;

/**
 * The verdict on one project's chain.
 *
 * @param intact true when no problem was found
 * @param recordsChecked how many records the verifier read before reaching its verdict (all of them when intact)
 * @param firstProblem the first problem found, or null when intact
 */
public record ChainReport(boolean intact, long recordsChecked, ChainProblem firstProblem) {

    /** Checks that {@code intact} and {@code firstProblem} agree. */
    public ChainReport {
        if (intact != (firstProblem == null)) {
            throw new IllegalArgumentException("a report is intact exactly when it has no problem");
        }
    }

    /** A report with no problem. */
    public static ChainReport intact(long recordsChecked) {
        return new ChainReport(true, recordsChecked, null);
    }

    /** A report naming its first problem. */
    public static ChainReport broken(long recordsChecked, ChainProblem problem) {
        return new ChainReport(false, recordsChecked, problem);
    }
}

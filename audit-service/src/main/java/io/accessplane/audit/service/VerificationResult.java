package io.accessplane.audit.service;

import io.accessplane.audit.crypto.ChainReport;
import io.accessplane.audit.crypto.CheckpointChainReport;
import java.time.Instant;

/** What verifying one project found: its chain, and the signature chain of the checkpoints. */
public record VerificationResult(String projectId, ChainReport chain, CheckpointChainReport checkpoints,
        Instant verifiedAt) {

    /** Whether both the records and the checkpoints verify. */
    public boolean intact() {
        return chain.intact() && checkpoints.intact();
    }
}

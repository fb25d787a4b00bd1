package io.accessplane.audit.crypto;

import io.accessplane.audit.crypto.CheckpointProblem.Kind;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a sequence of signed checkpoints, oldest first: for each, in this order, that its key is trusted
 * (UNKNOWN_KEY), its algorithm is Ed25519 and its signature verifies (INVALID_SIGNATURE), and that it names
 * its predecessor's signature exactly, the first naming the expected one (BROKEN_LINK).
 */
public final class CheckpointChainVerifier {
    private final Map<String, VerificationKey> trusted;

    /** A verifier trusting exactly {@code trustedKeys}, looked up by fingerprint. */
    public CheckpointChainVerifier(Collection<VerificationKey> trustedKeys) {
        Map<String, VerificationKey> byFingerprint = new HashMap<>();
        for (VerificationKey key : trustedKeys) {
            byFingerprint.put(key.fingerprint(), key);
        }
        this.trusted = Map.copyOf(byFingerprint);
    }

    /** Verifies a complete sequence: the first checkpoint must have no previous signature. */
    public CheckpointChainReport verify(List<SignedCheckpoint> oldestFirst) {
        return verify(oldestFirst, null);
    }

    /**
     * Verifies a sequence whose first checkpoint must name {@code previousOfFirst} (null for the very first
     * checkpoint; the last retained signature when older checkpoints were purged).
     */
    public CheckpointChainReport verify(List<SignedCheckpoint> oldestFirst, String previousOfFirst) {
        String expectedPrevious = previousOfFirst;
        int checked = 0;
        for (SignedCheckpoint signed : oldestFirst) {
            CheckpointProblem problem = check(Objects.requireNonNull(signed, "checkpoint"), expectedPrevious);
            if (problem != null) {
                return new CheckpointChainReport(false, checked, problem);
            }
            expectedPrevious = signed.signature();
            checked++;
        }
        return new CheckpointChainReport(true, checked, null);
    }

    private CheckpointProblem check(SignedCheckpoint signed, String expectedPrevious) {
        Checkpoint body = signed.body();
        VerificationKey key = trusted.get(body.keyFingerprint());
        if (key == null) {
            return new CheckpointProblem(Kind.UNKNOWN_KEY, body.id(), "signed by key " + body.keyFingerprint()
                    + ", which is not trusted");
        }
        if (!Checkpoint.ED25519.equals(body.algorithm())) {
            return new CheckpointProblem(Kind.INVALID_SIGNATURE, body.id(), "unsupported algorithm "
                    + body.algorithm());
        }
        if (!signed.verifiesWith(key)) {
            return new CheckpointProblem(Kind.INVALID_SIGNATURE, body.id(), "the signature does not verify under key "
                    + body.keyFingerprint());
        }
        if (!Objects.equals(body.previousSignature(), expectedPrevious)) {
            return new CheckpointProblem(Kind.BROKEN_LINK, body.id(), expectedPrevious == null
                    ? "the first checkpoint names a previous signature"
                    : body.previousSignature() == null
                            ? "names no previous signature, but follows another checkpoint"
                            : "names a previous signature other than its predecessor's");
        }
        return null;
    }
}

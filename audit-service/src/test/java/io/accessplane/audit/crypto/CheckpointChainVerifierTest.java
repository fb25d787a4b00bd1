package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.crypto.CheckpointProblem.Kind;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Verification of the checkpoint sequence: signatures, trusted keys and the link to each predecessor. */
class CheckpointChainVerifierTest {
    private final Random random = new Random(99);
    private final SigningKey key = SigningKey.generate(new SecureRandom());
    private final CheckpointSigner signer = new CheckpointSigner(key);
    private final CheckpointChainVerifier verifier = new CheckpointChainVerifier(List.of(key.verificationKey()));

    @Test
    void emptySequenceIsIntact() {
        CheckpointChainReport report = verifier.verify(List.of());
        assertTrue(report.intact());
        assertEquals(0, report.checkpointsChecked());
        assertNull(report.firstProblem());
    }

    /** Property: untouched sequences of any length verify. */
    @Test
    void untouchedSequencesVerify() {
        for (int length = 1; length <= 25; length += 3) {
            List<SignedCheckpoint> sequence = sequence(signer, length, null);
            CheckpointChainReport report = verifier.verify(sequence);
            assertTrue(report.intact(), report::toString);
            assertEquals(length, report.checkpointsChecked());
        }
    }

    /** Property: changing any signed field of checkpoint k is INVALID_SIGNATURE at k. */
    @Test
    void tamperedBodiesAreInvalidSignatures() {
        for (int trial = 0; trial < 30; trial++) {
            List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 2 + random.nextInt(10), null));
            int k = random.nextInt(sequence.size());
            SignedCheckpoint victim = sequence.get(k);
            Checkpoint body = victim.body();
            Checkpoint changed = switch (trial % 4) {
                case 0 -> new Checkpoint(body.id(), body.createdAt().plusMillis(1), body.heads(), body.previousSignature(),
                        body.keyFingerprint(), body.algorithm());
                case 1 -> new Checkpoint(body.id(), body.createdAt(), List.of(new ProjectHead("p", 999, "c".repeat(64))),
                        body.previousSignature(), body.keyFingerprint(), body.algorithm());
                case 2 -> new Checkpoint(UUID.randomUUID().toString(), body.createdAt(), body.heads(),
                        body.previousSignature(), body.keyFingerprint(), body.algorithm());
                default -> new Checkpoint(body.id(), body.createdAt(), body.heads(),
                        body.previousSignature() == null ? "AAAA" : null, body.keyFingerprint(), body.algorithm());
            };
            sequence.set(k, new SignedCheckpoint(changed, victim.signature()));
            assertProblem(verifier.verify(sequence), Kind.INVALID_SIGNATURE, changed.id(), k);
        }
    }

    @Test
    void tamperedSignaturesAreInvalid() {
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 6, null));
        SignedCheckpoint victim = sequence.get(3);
        byte[] signature = Base64.getDecoder().decode(victim.signature());
        signature[10] ^= 4;
        sequence.set(3, new SignedCheckpoint(victim.body(), Base64.getEncoder().encodeToString(signature)));
        assertProblem(verifier.verify(sequence), Kind.INVALID_SIGNATURE, victim.body().id(), 3);
        sequence.set(3, new SignedCheckpoint(victim.body(), "not base64!"));
        assertProblem(verifier.verify(sequence), Kind.INVALID_SIGNATURE, victim.body().id(), 3);
        sequence.set(3, new SignedCheckpoint(victim.body(), ""));
        assertProblem(verifier.verify(sequence), Kind.INVALID_SIGNATURE, victim.body().id(), 3);
    }

    /** Property: removing checkpoint k breaks the link at the one that followed it. */
    @Test
    void deletedCheckpointsBreakTheLink() {
        for (int trial = 0; trial < 20; trial++) {
            List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 3 + random.nextInt(10), null));
            int k = random.nextInt(sequence.size() - 1);
            sequence.remove(k);
            assertProblem(verifier.verify(sequence), Kind.BROKEN_LINK, sequence.get(k).body().id(), k);
        }
    }

    @Test
    void purgedPrefixVerifiesFromTheLastPurgedSignature() {
        List<SignedCheckpoint> sequence = sequence(signer, 10, null);
        List<SignedCheckpoint> kept = sequence.subList(4, 10);
        assertProblem(verifier.verify(kept), Kind.BROKEN_LINK, kept.get(0).body().id(), 0);
        assertTrue(verifier.verify(kept, sequence.get(3).signature()).intact());
        assertProblem(verifier.verify(sequence, "AAAA"), Kind.BROKEN_LINK, sequence.get(0).body().id(), 0);
    }

    @Test
    void reorderedCheckpointsBreakTheLink() {
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 6, null));
        Collections.swap(sequence, 2, 3);
        assertProblem(verifier.verify(sequence), Kind.BROKEN_LINK, sequence.get(2).body().id(), 2);
    }

    @Test
    void aCheckpointNamingNoPredecessorMidwayBreaksTheLink() {
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 4, null));
        SignedCheckpoint orphan = signer.next(UUID.randomUUID().toString(), Instant.now(), List.of(), null);
        sequence.add(orphan);
        CheckpointChainReport report = verifier.verify(sequence);
        assertProblem(report, Kind.BROKEN_LINK, orphan.body().id(), 4);
        assertTrue(report.firstProblem().detail().contains("no previous"));
    }

    @Test
    void untrustedKeysAreUnknown() {
        SigningKey stranger = SigningKey.generate(new SecureRandom());
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 3, null));
        SignedCheckpoint foreign = new CheckpointSigner(stranger).next(UUID.randomUUID().toString(), Instant.now(),
                List.of(), sequence.get(2));
        sequence.add(foreign);
        CheckpointChainReport report = verifier.verify(sequence);
        assertProblem(report, Kind.UNKNOWN_KEY, foreign.body().id(), 3);
        assertTrue(report.firstProblem().detail().contains(stranger.fingerprint()));
        assertProblem(new CheckpointChainVerifier(List.of()).verify(sequence), Kind.UNKNOWN_KEY,
                sequence.get(0).body().id(), 0);
    }

    @Test
    void aForgerClaimingTheTrustedFingerprintIsAnInvalidSignature() {
        SigningKey forger = SigningKey.generate(new SecureRandom());
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 3, null));
        Checkpoint body = new Checkpoint(UUID.randomUUID().toString(), Instant.now(), List.of(),
                sequence.get(2).signature(), key.fingerprint(), Checkpoint.ED25519);
        String signature = Base64.getEncoder().encodeToString(forger.sign(body.stringToSign()));
        sequence.add(new SignedCheckpoint(body, signature));
        assertProblem(verifier.verify(sequence), Kind.INVALID_SIGNATURE, body.id(), 3);
    }

    @Test
    void anotherAlgorithmIsAnInvalidSignature() {
        Checkpoint body = new Checkpoint(UUID.randomUUID().toString(), Instant.now(), List.of(), null,
                key.fingerprint(), "Ed448");
        SignedCheckpoint signed = new SignedCheckpoint(body,
                Base64.getEncoder().encodeToString(key.sign(body.stringToSign())));
        CheckpointChainReport report = verifier.verify(List.of(signed));
        assertProblem(report, Kind.INVALID_SIGNATURE, body.id(), 0);
        assertTrue(report.firstProblem().detail().contains("Ed448"));
    }

    @Test
    void keyRotationVerifiesWhenBothKeysAreTrusted() {
        SigningKey next = SigningKey.generate(new SecureRandom());
        List<SignedCheckpoint> first = sequence(signer, 4, null);
        List<SignedCheckpoint> all = new ArrayList<>(first);
        all.addAll(sequence(new CheckpointSigner(next), 4, first.get(3)));
        assertTrue(new CheckpointChainVerifier(List.of(key.verificationKey(), next.verificationKey())).verify(all).intact());
        assertProblem(verifier.verify(all), Kind.UNKNOWN_KEY, all.get(4).body().id(), 4);
    }

    @Test
    void theFirstOfSeveralProblemsIsReported() {
        List<SignedCheckpoint> sequence = new ArrayList<>(sequence(signer, 8, null));
        sequence.set(5, new SignedCheckpoint(sequence.get(5).body(), "AAAA"));
        sequence.remove(2);
        assertProblem(verifier.verify(sequence), Kind.BROKEN_LINK, sequence.get(2).body().id(), 2);
    }

    @Test
    void reportValuesAreConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new CheckpointChainReport(true, 0,
                new CheckpointProblem(Kind.BROKEN_LINK, "x", "y")));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointChainReport(false, 0, null));
    }

    private List<SignedCheckpoint> sequence(CheckpointSigner by, int length, SignedCheckpoint before) {
        List<SignedCheckpoint> sequence = new ArrayList<>();
        SignedCheckpoint previous = before;
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000));
        for (int i = 0; i < length; i++) {
            List<ProjectHead> heads = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(4); p++) {
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                heads.add(new ProjectHead("project-" + p, random.nextInt(10_000), HashChain.toHex(hash)));
            }
            previous = by.next(UUID.randomUUID().toString(), at.plusSeconds(3_600L * i).plusNanos(random.nextInt(1_000_000_000)),
                    heads, previous);
            sequence.add(previous);
        }
        return sequence;
    }

    private static void assertProblem(CheckpointChainReport report, Kind kind, String checkpointId, int checked) {
        assertFalse(report.intact(), "expected " + kind + " but the sequence verified");
        assertEquals(kind, report.firstProblem().kind(), report::toString);
        assertEquals(checkpointId, report.firstProblem().checkpointId(), report::toString);
        assertEquals(checked, report.checkpointsChecked(), report::toString);
    }
}

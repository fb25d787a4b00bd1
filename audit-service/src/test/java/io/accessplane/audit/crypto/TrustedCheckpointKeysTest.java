package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation: checkpoints of an earlier key verify only while that key is kept trusted. */
class TrustedCheckpointKeysTest {

    @Test
    void severalConcatenatedPemKeysAreRead() {
        SecureRandom random = new SecureRandom();
        VerificationKey a = SigningKey.generate(random).verificationKey();
        VerificationKey b = SigningKey.generate(random).verificationKey();
        List<VerificationKey> keys = TrustedCheckpointKeys.parsePems("# old keys\n" + a.toPem() + "\n" + b.toPem());
        assertEquals(List.of(a, b), keys);
    }

    @Test
    void textWithoutAKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrustedCheckpointKeys.parsePems("nothing here"));
    }

    @Test
    void theCurrentKeyComesFirstAndOnce() {
        VerificationKey current = SigningKey.generate(new SecureRandom()).verificationKey();
        VerificationKey old = SigningKey.generate(new SecureRandom()).verificationKey();
        assertEquals(List.of(current, old), new TrustedCheckpointKeys(current, List.of(old, current)).all());
    }

    @Test
    void afterARotationTheOldKeysCheckpointsVerifyOnlyWhileItIsTrusted() {
        SecureRandom random = new SecureRandom();
        SigningKey old = SigningKey.generate(random);
        SigningKey rotated = SigningKey.generate(random);
        String hash = "a".repeat(64);
        SignedCheckpoint first = new CheckpointSigner(old).next("00000000-0000-4000-8000-000000000001", Instant.parse("2026-11-01T00:00:00Z"),
                List.of(new ProjectHead("p", 1, hash)), null);
        SignedCheckpoint second = new CheckpointSigner(rotated).next("00000000-0000-4000-8000-000000000002", Instant.parse("2026-11-02T00:00:00Z"),
                List.of(new ProjectHead("p", 2, hash)), first);

        CheckpointChainReport untrusted = new CheckpointChainVerifier(
                new TrustedCheckpointKeys(rotated.verificationKey(), List.of()).all()).verify(List.of(first, second));
        assertFalse(untrusted.intact());
        assertEquals(CheckpointProblem.Kind.UNKNOWN_KEY, untrusted.firstProblem().kind());

        CheckpointChainReport trusted = new CheckpointChainVerifier(
                new TrustedCheckpointKeys(rotated.verificationKey(), List.of(old.verificationKey())).all())
                .verify(List.of(first, second));
        assertTrue(trusted.intact(), String.valueOf(trusted.firstProblem()));
        assertEquals(2, trusted.checkpointsChecked());
    }
}

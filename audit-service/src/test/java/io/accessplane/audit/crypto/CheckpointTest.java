package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checkpoint body, its exact string to sign, and signing it. */
class CheckpointTest {
    private static final String ID = "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b";
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);
    private static final String FINGERPRINT = "f".repeat(64);

    @Test
    void stringToSignIsTheCanonicalJsonOfEveryFieldButTheSignature() {
        Checkpoint checkpoint = new Checkpoint(ID, Instant.parse("2026-03-01T12:00:00.123456789Z"),
                List.of(new ProjectHead("zeta", 42, HASH_B), new ProjectHead("alpha", 7, HASH_A)),
                null, FINGERPRINT, "Ed25519");
        String expected = "{\"algorithm\":\"Ed25519\",\"created_at\":\"2026-03-01T12:00:00.123456789Z\","
                + "\"heads\":[{\"hash\":\"" + HASH_A + "\",\"index\":7,\"project_id\":\"alpha\"},"
                + "{\"hash\":\"" + HASH_B + "\",\"index\":42,\"project_id\":\"zeta\"}],"
                + "\"id\":\"" + ID + "\",\"key_fingerprint\":\"" + FINGERPRINT + "\",\"previous_signature\":null}";
        assertEquals(expected, new String(checkpoint.stringToSign(), StandardCharsets.UTF_8));
        assertTrue(JsonCanonicalizer.isCanonical(checkpoint.stringToSign()));
    }

    @Test
    void previousSignatureAndWholeSecondsAreWrittenAsIs() {
        Checkpoint checkpoint = new Checkpoint(ID, Instant.parse("2026-03-01T12:00:00Z"), List.of(), "c2ln+/==",
                FINGERPRINT, "Ed25519");
        String text = new String(checkpoint.stringToSign(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"created_at\":\"2026-03-01T12:00:00Z\""), text);
        assertTrue(text.contains("\"previous_signature\":\"c2ln+/==\""), text);
        assertTrue(text.contains("\"heads\":[]"), text);
    }

    @Test
    void headsAreKeptSortedByProjectIdInUtf16Order() {
        Checkpoint checkpoint = new Checkpoint(ID, Instant.EPOCH, List.of(
                new ProjectHead("\ue000", 1, HASH_A), new ProjectHead("b", 1, HASH_A),
                new ProjectHead("\ud83d\ude00", 1, HASH_A), new ProjectHead("B", 1, HASH_A)),
                null, FINGERPRINT, "Ed25519");
        assertEquals(List.of("B", "b", "\ud83d\ude00", "\ue000"),
                checkpoint.heads().stream().map(ProjectHead::projectId).toList());
    }

    @Test
    void everyFieldChangesTheStringToSign() {
        Checkpoint base = new Checkpoint(ID, Instant.EPOCH, List.of(new ProjectHead("p", 1, HASH_A)), null,
                FINGERPRINT, "Ed25519");
        List<Checkpoint> variants = List.of(
                new Checkpoint("3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5c", Instant.EPOCH, base.heads(), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH.plusNanos(1), base.heads(), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, List.of(new ProjectHead("p", 2, HASH_A)), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, List.of(new ProjectHead("p", 1, HASH_B)), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, List.of(new ProjectHead("q", 1, HASH_A)), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, List.of(), null, FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, base.heads(), "", FINGERPRINT, "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, base.heads(), null, "e".repeat(64), "Ed25519"),
                new Checkpoint(ID, Instant.EPOCH, base.heads(), null, FINGERPRINT, "Ed448"));
        String baseText = new String(base.stringToSign(), StandardCharsets.UTF_8);
        for (Checkpoint variant : variants) {
            assertNotEquals(baseText, new String(variant.stringToSign(), StandardCharsets.UTF_8), variant::toString);
        }
    }

    @Test
    void invalidBodiesAreRefused() {
        List<ProjectHead> heads = List.of();
        assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint("not-a-uuid", Instant.EPOCH, heads, null, FINGERPRINT, "Ed25519"));
        assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint(ID.toUpperCase(), Instant.EPOCH, heads, null, FINGERPRINT, "Ed25519"));
        assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint(ID, Instant.EPOCH, heads, null, "abc", "Ed25519"));
        assertThrows(NullPointerException.class,
                () -> new Checkpoint(ID, null, heads, null, FINGERPRINT, "Ed25519"));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ID, Instant.EPOCH,
                List.of(new ProjectHead("p", 1, HASH_A), new ProjectHead("p", 2, HASH_B)), null, FINGERPRINT, "Ed25519"));
        assertThrows(IllegalArgumentException.class, () -> new ProjectHead("p", -1, HASH_A));
        assertThrows(IllegalArgumentException.class, () -> new ProjectHead("p", 1L << 53, HASH_A));
        assertThrows(IllegalArgumentException.class, () -> new ProjectHead("p", 1, "A".repeat(64)));
        assertEquals(ProjectHead.MAX_INDEX, new ProjectHead("p", (1L << 53) - 1, HASH_A).index());
    }

    @Test
    void headForGivesTheVerifierInput() {
        Checkpoint checkpoint = new Checkpoint(ID, Instant.EPOCH, List.of(new ProjectHead("p", 9, HASH_A)), null,
                FINGERPRINT, "Ed25519");
        assertEquals(Optional.of(new CheckpointHead(ID, 9, HASH_A)), checkpoint.headFor("p"));
        assertEquals(Optional.empty(), checkpoint.headFor("q"));
    }

    @Test
    void signerLinksEachCheckpointToThePrevious() {
        SigningKey key = SigningKey.generate(new SecureRandom());
        CheckpointSigner signer = new CheckpointSigner(key);
        SignedCheckpoint first = signer.next(ID, Instant.EPOCH, List.of(new ProjectHead("p", 1, HASH_A)), null);
        SignedCheckpoint second = signer.next("00000000-0000-4000-8000-000000000001", Instant.EPOCH.plusSeconds(60),
                List.of(new ProjectHead("p", 2, HASH_B)), first);
        assertEquals(null, first.body().previousSignature());
        assertEquals(first.signature(), second.body().previousSignature());
        assertEquals(key.fingerprint(), first.body().keyFingerprint());
        assertEquals(signer.keyFingerprint(), second.body().keyFingerprint());
        assertEquals("Ed25519", first.body().algorithm());
        assertEquals(64, Base64.getDecoder().decode(first.signature()).length);
        assertTrue(first.verifiesWith(key.verificationKey()));
        assertTrue(second.verifiesWith(key.verificationKey()));
        assertFalse(first.verifiesWith(SigningKey.generate(new SecureRandom()).verificationKey()));
        assertFalse(new SignedCheckpoint(first.body(), "***").verifiesWith(key.verificationKey()));
    }

    @Test
    void signerRefusesBodiesForOtherKeysOrAlgorithms() {
        CheckpointSigner signer = new CheckpointSigner(SigningKey.generate(new SecureRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign(new Checkpoint(ID, Instant.EPOCH, List.of(), null, FINGERPRINT, "Ed25519")));
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign(new Checkpoint(ID, Instant.EPOCH, List.of(), null, signer.keyFingerprint(), "Ed448")));
    }
}

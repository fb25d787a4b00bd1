package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.ADMIN;
import static io.accessplane.audit.detectors.TestEvents.ALICE;
import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D8 (anomalous key pair import), D9 (weak or reused key), D10 (mass deletion). */
class KeypairDetectorsTest {
    private static final NetworkTable NETWORKS = NetworkTable.parse("""
            203.0.113.0/24, 64500, NL
            198.51.100.0/24, 64501, US
            """);

    private final Harness h = new Harness(DetectorSettings.defaults().toBuilder().networks(NETWORKS).build());
    private final TestEvents ev = h.events;

    @Test
    void firstImportByAnEstablishedActorIsD8() {
        h.learned(); // the admin has been active for 8 days
        AlertCandidate d8 = Harness.only(h.feed(ev.keypairImported("k1")), "D8").get(0);
        assertEquals("D8:" + ADMIN, d8.dedupKey());
        assertEquals("first_import_by_established_actor", d8.details().get("reason"));
        assertEquals(Severity.MEDIUM, d8.severity());
        assertTrue(d8.details().values().stream().noneMatch(v -> String.valueOf(v).startsWith("ssh-")),
                "no public key in details");
    }

    @Test
    void importFromANewAsnAfterEarlierImportsIsD8() {
        h.learned();
        h.feed(ev.keypairImported("k1").ip("203.0.113.5").at(T0.minus(Duration.ofDays(1))));
        assertTrue(Harness.only(h.feed(ev.keypairImported("k2").ip("203.0.113.9")), "D8").isEmpty());
        AlertCandidate d8 = Harness.only(h.feed(ev.keypairImported("k3").ip("198.51.100.7").at(T0.plusSeconds(60))), "D8")
                .get(0);
        assertEquals("D8:" + ADMIN + ":AS64501", d8.dedupKey());
        assertEquals(64501L, d8.details().get("asn"));
    }

    @Test
    void newUsersGeneratedKeysAndTheLearningPeriodAreNotD8() {
        // still learning: nothing observed a week ago
        assertTrue(Harness.only(h.feed(ev.keypairImported("k0")), "D8").isEmpty());
        h.learned();
        // alice's first event ever is this import: onboarding, not persistence
        assertTrue(Harness.only(h.feed(ev.keypairImported("k1").actor(ALICE)), "D8").isEmpty());
        // generated keys are not imports
        assertTrue(Harness.only(h.feed(ev.keypairGenerated("k2")), "D8").isEmpty());
    }

    @Test
    void shortRsaAndDsaKeysAreWeakD9() {
        AlertCandidate rsa = Harness.only(h.feed(ev.keypairGenerated("k1").res("bits", 1024)), "D9").get(0);
        assertEquals(Severity.MEDIUM, rsa.severity());
        assertEquals("D9:weak:" + ADMIN + "/k1", rsa.dedupKey());
        assertEquals(1024, rsa.details().get("bits"));
        AlertCandidate dsa = Harness.only(h.feed(ev.keypairImported("k2").res("algorithm", "dsa").res("bits", 1024)), "D9")
                .get(0);
        assertEquals("D9:weak:" + ADMIN + "/k2", dsa.dedupKey());
    }

    @Test
    void strongKeysAreNotD9() {
        assertTrue(Harness.only(h.feed(ev.keypairGenerated("k1")), "D9").isEmpty());
        assertTrue(Harness.only(h.feed(ev.keypairImported("k2")), "D9").isEmpty());
        assertTrue(Harness.only(h.feed(ev.keypairImported("k3").res("algorithm", "ecdsa").res("bits", 256)), "D9").isEmpty());
    }

    @Test
    void sameFingerprintInAnotherProjectIsReusedD9() {
        h.feed(ev.keypairImported("k1").res("fingerprint_sha256", "SHA256:same").project("p1"));
        AlertCandidate d9 = Harness.only(h.feed(ev.keypairImported("k2").res("fingerprint_sha256", "SHA256:same")
                .project("p2")), "D9").get(0);
        assertEquals(Severity.LOW, d9.severity());
        assertEquals("D9:reused:SHA256:same:p2", d9.dedupKey());
        assertEquals(List.of("p1"), d9.details().get("other_projects"));
    }

    @Test
    void sameFingerprintInTheSameProjectOrAfterTheOtherWasDeletedIsNotD9() {
        h.feed(ev.keypairImported("k1").res("fingerprint_sha256", "SHA256:same").project("p1"));
        assertTrue(Harness.only(h.feed(ev.keypairImported("k2").res("fingerprint_sha256", "SHA256:same").project("p1")),
                "D9").isEmpty());
        h.feed(ev.keypairDeleted("k1").res("fingerprint_sha256", "SHA256:same").project("p1"));
        h.feed(ev.keypairDeleted("k2").res("fingerprint_sha256", "SHA256:same").project("p1"));
        assertTrue(Harness.only(h.feed(ev.keypairImported("k3").res("fingerprint_sha256", "SHA256:same").project("p2")),
                "D9").isEmpty());
    }

    @Test
    void fiveDeletionsInTenMinutesIsD10() {
        for (int i = 0; i < 3; i++) {
            h.feed(ev.keypairDeleted("k" + i).at(T0.plus(Duration.ofMinutes(2L * i))));
        }
        h.feed(ev.credentialDeleted("c1", null).at(T0.plus(Duration.ofMinutes(7))));
        List<AlertCandidate> out = h.feed(ev.credentialDeleted("c2", null).at(T0.plus(Duration.ofMinutes(9))));
        AlertCandidate d10 = Harness.only(out, "D10").get(0);
        assertEquals("D10:" + ADMIN, d10.dedupKey());
        assertEquals(5, d10.details().get("deletions"));
        assertEquals(5, d10.eventIds().size());
        // a sixth is the same alert
        assertTrue(Harness.only(h.feed(ev.keypairDeleted("k9").at(T0.plus(Duration.ofMinutes(9)))), "D10").isEmpty());
    }

    @Test
    void fourDeletionsOrFiveSpreadOverTwelveMinutesOrCascadesAreNotD10() {
        for (int i = 0; i < 5; i++) {
            h.feed(ev.keypairDeleted("k" + i).at(T0.plus(Duration.ofMinutes(3L * i))));
        }
        assertTrue(h.raised("D10").isEmpty());
        for (int i = 0; i < 8; i++) {
            h.feed(ev.credentialDeleted("c" + i, "user_deleted").at(T0.plus(Duration.ofHours(1)).plusSeconds(i)));
        }
        assertTrue(h.raised("D10").isEmpty());
    }

    @Test
    void aLateDeletionThatCompletesTheBurstStillRaisesD10() {
        for (int i = 1; i < 5; i++) {
            h.feed(ev.keypairDeleted("k" + i).at(T0.plus(Duration.ofMinutes(i))));
        }
        // arrives last, happened first
        assertEquals(1, Harness.only(h.feed(ev.keypairDeleted("k0").at(T0)), "D10").size());
    }
}

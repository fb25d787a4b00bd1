package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.ADMIN;
import static io.accessplane.audit.detectors.TestEvents.ALICE;
import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** D11, D12, D13, D14, D19, D20, D21, D22: application credentials. */
class CredentialDetectorsTest {
    private static final NetworkTable NETWORKS = NetworkTable.parse("""
            # asn-only entries
            203.0.113.0/24   64500 NL
            198.51.100.0/24  64510 NL
            192.0.2.0/24     64520 NL
            # located entries
            100.64.1.0/24    64601 NL 52.37 4.89
            100.64.2.0/24    64602 US 40.71 -74.01
            100.64.3.0/24    64603 BE 50.85 4.35
            """);

    private final Harness h = new Harness(DetectorSettings.defaults().toBuilder().networks(NETWORKS).build());
    private final TestEvents ev = h.events;

    @Test
    void capturedAdminCredentialThatNeverExpiresIsD11() {
        AlertCandidate d11 = Harness.only(h.feed(ev.credentialCreated("c1")), "D11").get(0);
        assertEquals("D11:c1", d11.dedupKey());
        assertEquals(Severity.HIGH, d11.severity());
        assertEquals(List.of("admin_role", "never_expires"), d11.details().get("conditions"));
        assertEquals(List.of("admin", "member", "reader"), d11.details().get("roles"));

        AlertCandidate unrestricted = Harness.only(h.feed(ev.plainCredentialCreated("c2").res("unrestricted", true)), "D11")
                .get(0);
        assertEquals(List.of("unrestricted"), unrestricted.details().get("conditions"));
    }

    @Test
    void memberCredentialThatExpiresIsNotD11() {
        assertTrue(Harness.only(h.feed(ev.plainCredentialCreated("c1")), "D11").isEmpty());
    }

    @Test
    void credentialOlderThanNinetyDaysIsD12AgeAndOneUnusedFor45DaysIsD12Unused() {
        h.feed(ev.plainCredentialCreated("old").at(T0.minus(Duration.ofDays(100))));
        h.feed(ev.credentialToken("old").at(T0.minus(Duration.ofDays(10))));
        h.feed(ev.plainCredentialCreated("idle").at(T0.minus(Duration.ofDays(50))));

        List<AlertCandidate> d12 = Harness.only(h.tick(T0), "D12");
        assertEquals(List.of("D12:age:old", "D12:unused:idle"), d12.stream().map(AlertCandidate::dedupKey).sorted().toList());
        AlertCandidate age = d12.stream().filter(c -> c.dedupKey().equals("D12:age:old")).findFirst().orElseThrow();
        assertEquals(Severity.MEDIUM, age.severity());
        assertEquals(100L, age.details().get("age_days"));
        AlertCandidate idle = d12.stream().filter(c -> c.dedupKey().equals("D12:unused:idle")).findFirst().orElseThrow();
        assertEquals(Severity.LOW, idle.severity());
        assertEquals("never", idle.details().get("last_used_at"));
        assertEquals(Duration.ofDays(7), idle.suppression());

        assertTrue(Harness.only(h.tick(T0.plus(Duration.ofHours(1))), "D12").isEmpty(), "once per week");
        assertEquals(2, Harness.only(h.tick(T0.plus(Duration.ofDays(8))), "D12").size());
    }

    @Test
    void youngUsedDeletedOrExpiredCredentialsAreNotD12() {
        h.feed(ev.plainCredentialCreated("young").at(T0.minus(Duration.ofDays(30))));
        h.feed(ev.plainCredentialCreated("busy").at(T0.minus(Duration.ofDays(60))));
        h.feed(ev.credentialToken("busy").at(T0.minus(Duration.ofDays(44))));
        h.feed(ev.plainCredentialCreated("gone").at(T0.minus(Duration.ofDays(100))));
        h.feed(ev.credentialDeleted("gone", null).at(T0.minus(Duration.ofDays(1))));
        h.feed(ev.plainCredentialCreated("expired").at(T0.minus(Duration.ofDays(100)))
                .res("expires_at", T0.minus(Duration.ofDays(1)).toString()));
        assertTrue(Harness.only(h.tick(T0), "D12").isEmpty());
    }

    @Test
    void credentialUsedFromANewAddressIsD13() {
        h.learned();
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(2))));
        h.feed(ev.credentialToken("c1").ip("203.0.113.10").at(T0.minus(Duration.ofDays(1))));
        AlertCandidate d13 = Harness.only(h.feed(ev.credentialToken("c1").ip("198.51.100.20")), "D13").get(0);
        assertEquals("D13:c1:198.51.100.20", d13.dedupKey());
        assertEquals(Severity.MEDIUM, d13.severity());
        assertEquals(true, d13.details().get("asn_new"));
        assertEquals(64510L, d13.details().get("asn"));
    }

    @Test
    void firstUseKnownAddressStaleHistoryAndLearningAreNotD13() {
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(20))));
        // first use ever (and the engine still learning)
        h.feed(ev.credentialToken("c1").ip("203.0.113.10").at(T0.minus(Duration.ofDays(12))));
        // the only earlier use is older than the 10-day history
        h.feed(ev.credentialToken("c1").ip("198.51.100.20"));
        // the address it used a moment ago
        h.feed(ev.credentialToken("c1").ip("198.51.100.20").at(T0.plusSeconds(60)));
        assertTrue(h.raised("D13").isEmpty());
    }

    @Test
    void threeAsnsWithinAnHourIsD14Spread() {
        h.feed(ev.credentialToken("c1").ip("203.0.113.1"));
        h.feed(ev.credentialToken("c1").ip("198.51.100.1").at(T0.plus(Duration.ofMinutes(20))));
        AlertCandidate d14 = Harness.only(h.feed(ev.credentialToken("c1").ip("192.0.2.1").at(T0.plus(Duration.ofMinutes(50)))),
                "D14").get(0);
        assertEquals("D14:spread:c1", d14.dedupKey());
        assertEquals(Severity.HIGH, d14.severity());
        assertEquals(List.of("AS64500", "AS64510", "AS64520"), d14.details().get("asns"));
        assertEquals(3, d14.eventIds().size());
    }

    @Test
    void threeAsnsOverTwoHoursOrTwoAsnsOrUnknownAddressesAreNotD14() {
        h.feed(ev.credentialToken("c1").ip("203.0.113.1"));
        h.feed(ev.credentialToken("c1").ip("198.51.100.1").at(T0.plus(Duration.ofMinutes(61))));
        h.feed(ev.credentialToken("c1").ip("192.0.2.1").at(T0.plus(Duration.ofMinutes(122))));
        h.feed(ev.credentialToken("c2").ip("203.0.113.1"));
        h.feed(ev.credentialToken("c2").ip("198.51.100.1"));
        for (int i = 0; i < 5; i++) {
            h.feed(ev.credentialToken("c3").ip("10.0.0." + i));
        }
        assertTrue(h.raised("D14").isEmpty());
    }

    @Test
    void amsterdamThenNewYorkWithinHalfAnHourIsD14ImpossibleTravel() {
        h.feed(ev.credentialToken("c1").ip("100.64.1.5").id("ams"));
        AlertCandidate d14 = Harness.only(h.feed(ev.credentialToken("c1").ip("100.64.2.5").id("nyc")
                .at(T0.plus(Duration.ofMinutes(30)))), "D14").get(0);
        assertEquals("D14:travel:c1", d14.dedupKey());
        assertEquals(List.of("ams", "nyc"), d14.eventIds());
        assertTrue((long) d14.details().get("distance_km") > 5000);
        assertTrue((long) d14.details().get("speed_kmh") > 10_000);
    }

    @Test
    void plausibleTravelIsNotD14() {
        h.feed(ev.credentialToken("c1").ip("100.64.1.5"));
        // New York ten hours later: under 1000 km/h
        h.feed(ev.credentialToken("c1").ip("100.64.2.5").at(T0.plus(Duration.ofHours(10))));
        // Amsterdam to Brussels (175 km) in 30 minutes is a fast train, not a teleport
        h.feed(ev.credentialToken("c2").ip("100.64.1.5"));
        h.feed(ev.credentialToken("c2").ip("100.64.3.5").at(T0.plus(Duration.ofMinutes(30))));
        assertTrue(h.raised("D14").isEmpty());
    }

    @Test
    void twentyTokensInFiveMinutesIsD19() {
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.addAll(h.feed(ev.credentialToken("c1").at(T0.plusSeconds(i * 10L))));
        }
        AlertCandidate d19 = Harness.only(out, "D19").get(0);
        assertEquals("D19:c1", d19.dedupKey());
        assertEquals("threshold", d19.details().get("mode"));
        assertEquals(20, d19.details().get("tokens_in_window"));
        assertEquals(1, Harness.only(out, "D19").size());
    }

    @Test
    void nineteenTokensOrTwentySpreadOverSixMinutesOrPasswordTokensAreNotD19() {
        for (int i = 0; i < 19; i++) {
            h.feed(ev.credentialToken("c1").at(T0.plusSeconds(i * 10L)));
        }
        for (int i = 0; i < 20; i++) {
            h.feed(ev.credentialToken("c2").at(T0.plusSeconds(i * 18L)));
        }
        for (int i = 0; i < 40; i++) {
            h.feed(ev.passwordToken().at(T0.plusSeconds(i)));
        }
        assertTrue(h.raised("D19").isEmpty());
    }

    @Test
    void tokenBurstAboveEightDaysOfBaselineIsD19() {
        Instant minute = steadyTokens(Duration.ofDays(8));
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.addAll(h.feed(ev.credentialToken("c1").at(minute.plusSeconds(i))));
        }
        AlertCandidate d19 = Harness.only(out, "D19").get(0);
        assertEquals("baseline", d19.details().get("mode"));
        assertEquals(5.0, d19.details().get("observed"));
    }

    @Test
    void tokenBurstWithThreeDaysOfBaselineIsNotD19() {
        Instant minute = steadyTokens(Duration.ofDays(3));
        for (int i = 0; i < 15; i++) {
            h.feed(ev.credentialToken("c1").at(minute.plusSeconds(i)));
        }
        assertTrue(h.raised("D19").isEmpty());
    }

    @Test
    void freshCredentialUsedFromAnAddressItsCreatorNeverUsedIsD20() {
        h.feed(ev.credentialCreated("c1").id("created").ip("127.0.0.1"));
        AlertCandidate d20 = Harness.only(h.feed(ev.credentialToken("c1").id("used").ip("198.51.100.66")
                .at(T0.plus(Duration.ofMinutes(10)))), "D20").get(0);
        assertEquals("D20:c1", d20.dedupKey());
        assertEquals(Severity.HIGH, d20.severity());
        assertEquals(List.of("created", "used"), d20.eventIds());
        assertEquals(ADMIN, d20.details().get("creator_user_id"));
        assertEquals(10L, d20.details().get("minutes_after_creation"));
    }

    @Test
    void creatorsOwnAddressOrNetworkOrALaterUseIsNotD20() {
        h.feed(ev.passwordToken().ip("203.0.113.5").at(T0.minus(Duration.ofDays(1))));
        h.feed(ev.credentialCreated("c1").ip("127.0.0.1"));
        h.feed(ev.credentialToken("c1").ip("127.0.0.1").at(T0.plus(Duration.ofMinutes(5))));
        // a different address in a network the creator used
        h.feed(ev.credentialToken("c1").ip("203.0.113.77").at(T0.plus(Duration.ofMinutes(6))));
        // foreign, but two hours after creation
        h.feed(ev.credentialToken("c1").ip("198.51.100.66").at(T0.plus(Duration.ofHours(2))));
        assertTrue(h.raised("D20").isEmpty());
    }

    @Test
    void credentialMintedForAnotherUserIsD21() {
        AlertCandidate d21 = Harness.only(h.feed(ev.plainCredentialCreated("c1").target("owner_user_id", ALICE)
                .res("user_id", ALICE)), "D21").get(0);
        assertEquals("D21:c1", d21.dedupKey());
        assertEquals(Severity.MEDIUM, d21.severity());
        assertEquals(ALICE, d21.details().get("owner_user_id"));
        assertEquals(ADMIN, d21.details().get("creator_user_id"));
    }

    @Test
    void ownCredentialOrAllowlistedAutomationIsNotD21() {
        assertTrue(Harness.only(h.feed(ev.plainCredentialCreated("c1")), "D21").isEmpty());
        Harness automation = new Harness(DetectorSettings.defaults().toBuilder().automationCreators(Set.of(ADMIN)).build());
        assertTrue(Harness.only(automation.feed(automation.events.plainCredentialCreated("c2")
                .target("owner_user_id", ALICE).res("user_id", ALICE)), "D21").isEmpty());
    }

    @Test
    void attemptsWithADeletedCredentialAreD22() {
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(1))));
        h.feed(ev.credentialDeleted("c1", "user_deleted").id("deleted"));
        AlertCandidate d22 = Harness.only(h.feed(ev.credentialFailed("c1", "unknown_id").id("attempt")
                .at(T0.plusSeconds(60))), "D22").get(0);
        assertEquals("D22:c1", d22.dedupKey());
        assertEquals(Severity.HIGH, d22.severity());
        assertEquals("user_deleted", d22.details().get("dead_because"));
        assertEquals(List.of("attempt", "deleted"), d22.eventIds());
        // a token issued for it is the same alert within the hour
        assertTrue(Harness.only(h.feed(ev.credentialToken("c1").at(T0.plusSeconds(120))), "D22").isEmpty());
    }

    @Test
    void attemptsWithAnExpiredCredentialAreD22() {
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(1))).res("expires_at", T0.toString()));
        AlertCandidate d22 = Harness.only(h.feed(ev.credentialFailed("c1", "expired").at(T0.plus(Duration.ofHours(1)))),
                "D22").get(0);
        assertEquals("expired", d22.details().get("dead_because"));
    }

    @Test
    void failureArrivingBeforeTheDeletionItFollowsIsStillD22() {
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(1))));
        assertTrue(Harness.only(h.feed(ev.credentialFailed("c1", "unknown_id").at(T0.plusSeconds(30))), "D22").isEmpty());
        assertEquals(1, Harness.only(h.feed(ev.credentialDeleted("c1", null)), "D22").size());
    }

    @Test
    void liveCredentialsUnknownIdsAndAttemptsBeforeDeletionAreNotD22() {
        h.feed(ev.plainCredentialCreated("c1").at(T0.minus(Duration.ofDays(1))));
        h.feed(ev.credentialFailed("c1", "bad_secret"));
        h.feed(ev.credentialFailed("never-seen", "unknown_id"));
        h.feed(ev.credentialDeleted("c1", null).at(T0.plusSeconds(60)));
        h.feed(ev.credentialToken("c1").at(T0.plusSeconds(30))); // before the deletion, arriving after it
        assertTrue(h.raised("D22").isEmpty());
    }

    /** One token of c1 every 30 minutes for {@code days}; returns a minute just after. */
    private Instant steadyTokens(Duration days) {
        Instant start = T0.minus(days);
        for (int i = 0; i < days.toMinutes() / 30; i++) {
            h.feed(ev.credentialToken("c1").at(start.plus(Duration.ofMinutes(30L * i))));
        }
        return T0.plus(Duration.ofMinutes(7));
    }
}

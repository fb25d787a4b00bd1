package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.ALICE;
import static io.accessplane.audit.detectors.TestEvents.PROJECT;
import static io.accessplane.audit.detectors.TestEvents.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D15 (brute force), D16 (brute force that succeeds), D17 (spraying), D18 (error-rate spike). */
class AuthenticationAttackDetectorsTest {
    private static final String ATTACKER = "203.0.113.9";

    private final Harness h = new Harness();
    private final TestEvents ev = h.events;

    @Test
    void tenBadPasswordsInFiveMinutesIsD15() {
        List<AlertCandidate> out = failPassword(ALICE, 10, Duration.ofSeconds(20));
        AlertCandidate d15 = Harness.only(out, "D15").get(0);
        assertEquals("D15:user:" + ALICE, d15.dedupKey());
        assertEquals(Severity.MEDIUM, d15.severity());
        assertEquals(10, d15.details().get("failures"));
        assertEquals(10, d15.eventIds().size());
        assertEquals(1, Harness.only(out, "D15").size());
    }

    @Test
    void tenBadSecretsForAnApplicationCredentialIsD15() {
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.addAll(h.feed(ev.credentialFailed("c1", "bad_secret").at(T0.plusSeconds(i))));
        }
        assertEquals("D15:c1", Harness.only(out, "D15").get(0).dedupKey());
    }

    @Test
    void nineFailuresOrTenSpreadOverSixMinutesOrUnknownUsersAreNotD15() {
        failPassword(ALICE, 9, Duration.ofSeconds(20));
        failPassword("u2", 10, Duration.ofSeconds(40));
        for (int i = 0; i < 12; i++) {
            h.feed(ev.passwordFailed("unknown").data("reason", "unknown_user").at(T0.plusSeconds(i)));
        }
        assertTrue(h.raised("D15").isEmpty());
    }

    @Test
    void successTwoMinutesAfterABruteForceIsD16() {
        failCredential("c1", 10);
        AlertCandidate d16 = Harness.only(h.feed(ev.credentialToken("c1").id("win").at(T0.plus(Duration.ofMinutes(2)))),
                "D16").get(0);
        assertEquals("D16:c1", d16.dedupKey());
        assertEquals(Severity.HIGH, d16.severity());
        assertEquals("win", d16.eventIds().get(0));
        assertEquals(11, d16.eventIds().size());
        assertEquals("D15", d16.details().get("after"));
    }

    @Test
    void successThatArrivesBeforeTheFailuresItFollowsIsStillD16() {
        h.feed(ev.credentialToken("c1").at(T0.plus(Duration.ofMinutes(2))));
        List<AlertCandidate> out = failCredential("c1", 10);
        assertEquals(1, Harness.only(out, "D16").size());
    }

    @Test
    void successAfterSprayingFromTheSameAddressIsD16() {
        sprayFrom(ATTACKER, 10);
        AlertCandidate d16 = Harness.only(h.feed(ev.passwordToken().ip(ATTACKER).at(T0.plus(Duration.ofMinutes(5)))),
                "D16").get(0);
        assertEquals("D17", d16.details().get("after"));
        assertEquals(ATTACKER, d16.details().get("attack_address"));
    }

    @Test
    void sprayedUserLoggingInFromTheirOwnAddressIsNotD16() {
        sprayFrom(ATTACKER, 10);
        h.feed(ev.passwordToken().actor("user-3").ip("127.0.0.1").at(T0.plus(Duration.ofMinutes(5))));
        assertEquals(1, h.raised("D17").size());
        assertTrue(h.raised("D16").isEmpty());
    }

    @Test
    void successLongAfterOrBeforeOrOnAnotherCredentialIsNotD16() {
        h.feed(ev.credentialToken("c1").at(T0.minus(Duration.ofMinutes(1))));
        failCredential("c1", 10);
        h.feed(ev.credentialToken("c1").at(T0.plus(Duration.ofMinutes(20))));
        h.feed(ev.credentialToken("c2").at(T0.plus(Duration.ofMinutes(1))));
        h.feed(ev.passwordToken().at(T0.plus(Duration.ofMinutes(1))));
        assertTrue(h.raised("D16").isEmpty());
    }

    @Test
    void oneAddressFailingOnTenUsersInTenMinutesIsD17() {
        List<AlertCandidate> out = sprayFrom(ATTACKER, 10);
        AlertCandidate d17 = Harness.only(out, "D17").get(0);
        assertEquals("D17:" + ATTACKER, d17.dedupKey());
        assertEquals(Severity.HIGH, d17.severity());
        assertEquals(10, d17.details().get("distinct_credentials"));
    }

    @Test
    void manyFailuresOnNineUsersOrTenUsersOverTwelveMinutesAreNotD17() {
        for (int i = 0; i < 30; i++) {
            h.feed(ev.passwordFailed("user-" + (i % 9)).ip(ATTACKER).at(T0.plusSeconds(i)));
        }
        for (int i = 0; i < 10; i++) {
            h.feed(ev.passwordFailed("other-" + i).ip("198.51.100.1").at(T0.plusSeconds(80L * i)));
        }
        assertTrue(h.raised("D17").isEmpty());
    }

    @Test
    void failureRatioSpikeAfterEightDaysIsD18() {
        Instant minute = steadyAuthentications(Duration.ofDays(8));
        List<AlertCandidate> out = new ArrayList<>(h.feed(ev.credentialToken("c1").at(minute)));
        for (int i = 1; i <= 6; i++) {
            out.addAll(h.feed(ev.credentialFailed("c1", "bad_secret").at(minute.plusSeconds(i))));
        }
        AlertCandidate d18 = Harness.only(out, "D18").get(0);
        assertEquals("D18:" + PROJECT, d18.dedupKey());
        assertEquals(PROJECT, d18.projectId());
        assertEquals(Severity.MEDIUM, d18.severity());
        assertTrue((double) d18.details().get("observed") > (double) d18.details().get("threshold"));
        assertTrue((double) d18.details().get("baseline_mean") < 0.1);
        assertEquals(5, d18.eventIds().size());
    }

    @Test
    void failureRatioSpikeWithThreeDaysOfHistoryOrTooFewFailuresIsNotD18() {
        Instant minute = steadyAuthentications(Duration.ofDays(3));
        for (int i = 1; i <= 8; i++) {
            h.feed(ev.credentialFailed("c1", "bad_secret").at(minute.plusSeconds(i)));
        }
        assertTrue(h.raised("D18").isEmpty());

        Harness eight = new Harness();
        Instant later = steadyAuthentications(eight, Duration.ofDays(8));
        for (int i = 1; i <= 4; i++) {
            eight.feed(eight.events.credentialFailed("c1", "bad_secret").at(later.plusSeconds(i)));
        }
        assertTrue(eight.raised("D18").isEmpty());
    }

    private List<AlertCandidate> failPassword(String user, int n, Duration every) {
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(h.feed(ev.passwordFailed(user).at(T0.plus(every.multipliedBy(i)))));
        }
        return out;
    }

    private List<AlertCandidate> failCredential(String cred, int n) {
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(h.feed(ev.credentialFailed(cred, "bad_secret").at(T0.plusSeconds(6L * i))));
        }
        return out;
    }

    private List<AlertCandidate> sprayFrom(String address, int users) {
        List<AlertCandidate> out = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            out.addAll(h.feed(ev.passwordFailed("user-" + i).ip(address).at(T0.plusSeconds(30L * i))));
        }
        return out;
    }

    private Instant steadyAuthentications(Duration days) {
        return steadyAuthentications(h, days);
    }

    /**
     * Credential c1 of {@link TestEvents#PROJECT}: every 30 minutes two tokens, and in every fourth
     * slot one bad secret too. Returns a minute just after.
     */
    private static Instant steadyAuthentications(Harness h, Duration days) {
        Instant start = T0.minus(days);
        h.feed(h.events.plainCredentialCreated("c1").at(start.minusSeconds(60)));
        for (int i = 0; i < days.toMinutes() / 30; i++) {
            Instant slot = start.plus(Duration.ofMinutes(30L * i));
            h.feed(h.events.credentialToken("c1").at(slot));
            h.feed(h.events.credentialToken("c1").at(slot.plusSeconds(1)));
            if (i % 4 == 0) {
                h.feed(h.events.credentialFailed("c1", "bad_secret").at(slot.plusSeconds(2)));
            }
        }
        return T0.plus(Duration.ofMinutes(7));
    }
}

package io.accessplane.audit.detectors;

import static io.accessplane.audit.detectors.TestEvents.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** D23: Tor exits, threat intelligence, penetration-testing user agents. */
class HostileSourceDetectorTest {
    private final Harness h = new Harness(DetectorSettings.defaults().toBuilder()
            .torExitAddresses(Set.of("185.220.101.0/24", "2a0b:f4c2::/32"))
            .threatIntelAddresses(Set.of("198.51.100.23"))
            .build());
    private final TestEvents ev = h.events;

    @Test
    void torExitAndThreatIntelAddressesAreHighD23() {
        AlertCandidate tor = Harness.only(h.feed(ev.passwordToken().ip("185.220.101.4")), "D23").get(0);
        assertEquals("D23:tor:185.220.101.4", tor.dedupKey());
        assertEquals(Severity.HIGH, tor.severity());
        assertEquals("185.220.101.0/24", tor.details().get("list_entry"));

        AlertCandidate v6 = Harness.only(h.feed(ev.passwordFailed(ADMIN).ip("2a0b:f4c2::1")), "D23").get(0);
        assertEquals("tor", v6.details().get("kind"));
        assertEquals("failure", v6.details().get("outcome"));

        AlertCandidate intel = Harness.only(h.feed(ev.keypairImported("k1").ip("198.51.100.23")), "D23").get(0);
        assertEquals("D23:threat-intel:198.51.100.23", intel.dedupKey());
        assertEquals(Severity.HIGH, intel.severity());
    }

    @Test
    void pentestUserAgentIsMediumD23CaseInsensitive() {
        AlertCandidate ua = Harness.only(h.feed(ev.passwordToken().userAgent("Mozilla/5.0 (X11; Kali Linux x86_64)")), "D23")
                .get(0);
        assertEquals(Severity.MEDIUM, ua.severity());
        assertEquals("D23:pentest-tool:" + ADMIN + ":kali", ua.dedupKey());
        assertEquals(1, Harness.only(h.feed(ev.passwordToken().userAgent("sqlmap/1.7.2#stable")), "D23").size());
        // the same actor and tool again within the hour is the same alert
        assertTrue(Harness.only(h.feed(ev.passwordToken().userAgent("sqlmap/1.7.2#stable")), "D23").isEmpty());
    }

    @Test
    void ordinaryAddressesAgentsAndSystemActorsAreNotD23() {
        h.feed(ev.passwordToken().ip("185.220.102.4"));
        h.feed(ev.passwordToken().ip("198.51.100.24"));
        h.feed(ev.passwordToken().userAgent("openstacksdk/0.101.0 keystoneauth1/5.0.0 python-requests/2.28.1"));
        h.feed(ev.passwordToken().userAgent("python-keystoneclient"));
        h.feed(ev.groupCreated("g1").actor("system:secgroup-service").ip("185.220.101.4"));
        assertTrue(h.raised("D23").isEmpty());
    }
}

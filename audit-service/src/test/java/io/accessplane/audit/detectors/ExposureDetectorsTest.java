package io.accessplane.audit.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** D1-D4 (world-open rules) and D6 (open-then-revert). */
class ExposureDetectorsTest {
    private final Harness h = new Harness();
    private final TestEvents ev = h.events;

    @Test
    void capturedSshRuleFromTheWorldRaisesD1D2AndD3WithDistinctKeys() {
        List<AlertCandidate> out = h.feed(ev.ruleCreated("r1"));

        AlertCandidate d1 = Harness.only(out, "D1").get(0);
        assertEquals(Severity.HIGH, d1.severity());
        assertEquals("D1:r1", d1.dedupKey());
        assertEquals(List.of(22), d1.details().get("exposed_ports"));
        assertEquals("0.0.0.0/0", d1.details().get("cidr"));
        assertEquals(TestEvents.PROJECT, d1.projectId());
        assertEquals(Severity.CRITICAL, Harness.only(out, "D2").get(0).severity());
        assertEquals("D2:r1", Harness.only(out, "D2").get(0).dedupKey());
        assertEquals(22, Harness.only(out, "D3").get(0).details().get("first_unlisted_port"));
        assertTrue(Harness.only(out, "D4").isEmpty());
    }

    @Test
    void sshFromAPrivateRangeOrEgressRaisesNothing() {
        assertTrue(exposures(h.feed(ev.ruleCreated("r1").res("remote_ip_prefix", "10.0.0.0/8")
                .res("normalized_cidr", "10.0.0.0/8"))).isEmpty());
        assertTrue(exposures(h.feed(ev.ruleCreated("r2").res("direction", "egress"))).isEmpty());
        assertTrue(exposures(h.feed(ev.ruleCreated("r3").res("remote_ip_prefix", null).res("normalized_cidr", null)
                .res("remote_group_id", "9ccdbe9c-a78e-4083-be20-677432910888"))).isEmpty());
    }

    @Test
    void rdpFromIpv6WorldAndRuleWithoutAnyRemoteAreWorldOpen() {
        List<AlertCandidate> v6 = h.feed(ev.ruleCreated("r1").res("ethertype", "IPv6").res("remote_ip_prefix", "::/0")
                .res("normalized_cidr", "::/0").res("port_range_min", 3389).res("port_range_max", 3389));
        assertEquals(List.of(3389), Harness.only(v6, "D1").get(0).details().get("exposed_ports"));

        List<AlertCandidate> noRemote = h.feed(ev.ruleCreated("r2").res("remote_ip_prefix", null).res("normalized_cidr", null));
        assertEquals(1, Harness.only(noRemote, "D1").size());

        List<AlertCandidate> hostBits = h.feed(ev.ruleCreated("r3").res("remote_ip_prefix", "1.2.3.4/0")
                .res("normalized_cidr", "0.0.0.0/0").res("protocol", "6"));
        assertEquals(1, Harness.only(hostBits, "D1").size());
    }

    @Test
    void udpSshIsNotD1ButIsStillAHighRiskPort() {
        List<AlertCandidate> out = h.feed(ev.ruleCreated("r1").res("protocol", "udp"));
        assertTrue(Harness.only(out, "D1").isEmpty());
        assertEquals(1, Harness.only(out, "D2").size());
    }

    @Test
    void databasePortFromTheWorldIsD2Only() {
        List<AlertCandidate> out = h.feed(ev.ruleCreated("r1").res("port_range_min", 5432).res("port_range_max", 5432));
        assertEquals(List.of(5432), Harness.only(out, "D2").get(0).details().get("exposed_ports"));
        assertTrue(Harness.only(out, "D1").isEmpty());
        assertEquals(1, Harness.only(out, "D3").size());
    }

    @Test
    void databasePortFromAPartnerRangeOrAnUnlistedHighPortIsNotD2() {
        assertTrue(exposures(h.feed(ev.ruleCreated("r1").res("port_range_min", 5432).res("port_range_max", 5432)
                .res("remote_ip_prefix", "192.168.0.0/16").res("normalized_cidr", "192.168.0.0/16"))).isEmpty());
        List<AlertCandidate> out = h.feed(ev.ruleCreated("r2").res("port_range_min", 8443).res("port_range_max", 8443));
        assertTrue(Harness.only(out, "D2").isEmpty());
        assertEquals(8443, Harness.only(out, "D3").get(0).details().get("first_unlisted_port"));
    }

    @Test
    void httpsFromTheWorldIsAllowedButAProjectAllowlistCanAllowMore() {
        assertTrue(exposures(h.feed(ev.ruleCreated("r1").res("port_range_min", 443).res("port_range_max", 443))).isEmpty());
        assertTrue(exposures(h.feed(ev.ruleCreated("r2").res("port_range_min", 80).res("port_range_max", 80))).isEmpty());

        Harness custom = new Harness(DetectorSettings.defaults().toBuilder()
                .allowedPortsByProject(Map.of(TestEvents.PROJECT, Set.of(443, 8443))).build());
        assertTrue(exposures(custom.feed(custom.events.ruleCreated("r3").res("port_range_min", 8443)
                .res("port_range_max", 8443))).isEmpty());
        assertEquals(1, Harness.only(custom.feed(custom.events.ruleCreated("r4").res("port_range_min", 80)
                .res("port_range_max", 80)), "D3").size());
    }

    @Test
    void icmpFromTheWorldHasNoPortsToJudge() {
        assertTrue(exposures(h.feed(ev.ruleCreated("r1").res("protocol", "icmp").res("port_range_min", null)
                .res("port_range_max", null))).isEmpty());
    }

    @Test
    void anyProtocolFromTheWorldRaisesAllFour() {
        List<AlertCandidate> out = h.feed(ev.ruleCreated("r1").res("protocol", null).res("port_range_min", null)
                .res("port_range_max", null));
        assertEquals(List.of("D1:r1", "D2:r1", "D3:r1", "D4:r1"), out.stream().map(AlertCandidate::dedupKey)
                .filter(k -> k.matches("D[1-4]:.*")).sorted().toList());
        assertEquals(Severity.CRITICAL, Harness.only(out, "D4").get(0).severity());
    }

    @Test
    void allTcpPortsOrAnyProtocolFromTheGroupIsNotD4() {
        List<AlertCandidate> tcp = h.feed(ev.ruleCreated("r1").res("port_range_min", null).res("port_range_max", null));
        assertTrue(Harness.only(tcp, "D4").isEmpty());
        assertEquals(1, Harness.only(tcp, "D1").size());
        assertTrue(exposures(h.feed(ev.ruleCreated("r2").res("protocol", null).res("port_range_min", null)
                .res("port_range_max", null).res("remote_ip_prefix", null).res("normalized_cidr", null)
                .res("remote_group_id", "g1"))).isEmpty());
    }

    @Test
    void capturedDefaultGroupAndNewGroupRaiseNothing() {
        assertTrue(h.feed(h.events.of("io.accessplane.default_security_group.created.v1")).stream()
                .noneMatch(c -> c.detector().matches("D[1-46]")));
        assertTrue(h.feed(h.events.groupCreated("g1")).stream().noneMatch(c -> c.detector().matches("D[1-46]")));
    }

    @Test
    void worldOpenRuleRemovedWithinTheHourIsD6() {
        h.feed(ev.ruleCreated("r1").id("create-1"));
        List<AlertCandidate> out = h.feed(ev.ruleDeleted("r1").id("delete-1").at(TestEvents.T0.plus(Duration.ofMinutes(30))));

        AlertCandidate d6 = Harness.only(out, "D6").get(0);
        assertEquals("D6:r1", d6.dedupKey());
        assertEquals(Severity.MEDIUM, d6.severity());
        assertEquals(List.of("create-1", "delete-1"), d6.eventIds());
        assertEquals(List.of("D1", "D2", "D3"), d6.details().get("raised"));
        assertEquals(1800L, d6.details().get("open_seconds"));
    }

    @Test
    void deletingTheGroupOfAFreshWorldOpenRuleIsD6() {
        // the captured group delete embeds the captured rule ae756ce0
        h.feed(ev.ruleCreated("ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef"));
        List<AlertCandidate> out = h.feed(ev.groupDeleted("1b4fe529-2cdc-485e-9fe8-81658abb5b93")
                .at(TestEvents.T0.plusSeconds(4)));
        assertEquals("D6:ae756ce0-81e2-4d6c-ae1e-ee486b2a16ef", Harness.only(out, "D6").get(0).dedupKey());
    }

    @Test
    void ruleRemovedAfterTheHourOrAHarmlessRuleRemovedQuicklyIsNotD6() {
        h.feed(ev.ruleCreated("r1"));
        assertTrue(Harness.only(h.feed(ev.ruleDeleted("r1").at(TestEvents.T0.plus(Duration.ofMinutes(61)))), "D6").isEmpty());

        h.feed(ev.ruleCreated("r2").res("remote_ip_prefix", "10.0.0.0/8").res("normalized_cidr", "10.0.0.0/8"));
        assertTrue(Harness.only(h.feed(ev.ruleDeleted("r2").res("remote_ip_prefix", "10.0.0.0/8")
                .res("normalized_cidr", "10.0.0.0/8").at(TestEvents.T0.plusSeconds(60))), "D6").isEmpty());
    }

    private static List<AlertCandidate> exposures(List<AlertCandidate> out) {
        return out.stream().filter(c -> c.detector().matches("D[1-4]")).toList();
    }
}

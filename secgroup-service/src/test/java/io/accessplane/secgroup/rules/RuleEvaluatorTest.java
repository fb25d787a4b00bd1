package io.accessplane.secgroup.rules;

import static io.accessplane.secgroup.rules.TestRules.entry;
import static io.accessplane.secgroup.rules.TestRules.fromGroup;
import static io.accessplane.secgroup.rules.TestRules.group;
import static io.accessplane.secgroup.rules.TestRules.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEvaluatorTest {

    private final RuleEvaluator evaluator = new RuleEvaluator();

    private final GroupRules web = group("web", true,
            entry("r-ssh", req("ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/8")),
            entry("r-http", req("ingress", "IPv4", "tcp", 80, 80, null)),
            entry("r-https6", req("ingress", "IPv6", "tcp", 443, 443, "2001:db8::/32")),
            entry("r-ping", req("ingress", "IPv4", "icmp", 8, null, null)),
            entry("r-ping6", req("ingress", "IPv6", "icmp", 128, 0, null)),
            entry("r-egress4", req("egress", "IPv4", null, null, null, null)),
            entry("r-app", fromGroup("ingress", "IPv4", "tcp", 5432, 5432, "app")),
            entry("r-range", req("ingress", "IPv4", "udp", 1000, 2000, null)),
            entry("r-gre", req("ingress", "IPv4", "gre", null, null, "198.51.100.0/24")),
            entry("r-ag", new RuleRequest("ingress", "IPv4", "tcp", 9000, 9000, null, null, "ag-1", null,
                    TestRules.SG)),
            entry("r-hostbits", req("ingress", "IPv4", "6", 8080, 8080, "192.168.1.77/24")),
            entry("r-v6host", req("ingress", "IPv6", "udp", 1, 65535, "fe80::1")),
            entry("r-all-sctp", req("ingress", "IPv4", "sctp", null, null, null)));

    @ParameterizedTest(name = "[{index}] {0} {1} {2} port={3} icmp={4}/{5} from {6} groups={7} -> {8}")
    @CsvSource(delimiter = '|', value = {
        "ingress | IPv4 | tcp  | 22   |     |   | 10.1.2.3      |        | r-ssh",
        "ingress | IPv4 | TCP  | 22   |     |   | 10.255.255.255 |       | r-ssh",
        "ingress | IPv4 | 6    | 22   |     |   | 10.0.0.1      |        | r-ssh",
        "ingress | IPv4 | tcp  | 22   |     |   | 11.0.0.1      |        | ",
        "ingress | IPv4 | tcp  | 22   |     |   |               |        | ",
        "ingress | IPv4 | udp  | 22   |     |   | 10.0.0.1      |        | ",
        "ingress | IPv4 | tcp  | 23   |     |   | 10.0.0.1      |        | ",
        "ingress | IPv4 | tcp  |      |     |   | 10.0.0.1      |        | ",
        "ingress | IPv4 | tcp  | 80   |     |   | 203.0.113.9   |        | r-http",
        "ingress | IPv4 | tcp  | 80   |     |   |               |        | r-http",
        "ingress | IPv4 | tcp  | 81   |     |   | 203.0.113.9   |        | ",
        "ingress | IPv6 | tcp  | 80   |     |   | 2001:db8::1   |        | ",
        "egress  | IPv4 | tcp  | 80   |     |   | 203.0.113.9   |        | r-egress4",
        "ingress | IPv6 | tcp  | 443  |     |   | 2001:db8:ffff::1 |     | r-https6",
        "ingress | IPv6 | tcp  | 443  |     |   | 2001:DB8:0:0:0:0:0:1 | | r-https6",
        "ingress | IPv6 | tcp  | 443  |     |   | 2001:db9::1   |        | ",
        "ingress | IPv6 | tcp  | 443  |     |   | ::ffff:10.0.0.1 |      | ",
        "ingress | IPv4 | icmp |      | 8   | 0 | 192.0.2.1     |        | r-ping",
        "ingress | IPv4 | 1    |      | 8   | 5 | 192.0.2.1     |        | r-ping",
        "ingress | IPv4 | icmp |      | 0   | 0 | 192.0.2.1     |        | ",
        "ingress | IPv4 | icmp |      |     |   | 192.0.2.1     |        | ",
        "ingress | IPv6 | ipv6-icmp |  | 128 | 0 | 2001:db8::1  |        | r-ping6",
        "ingress | IPv6 | icmp |      | 128 | 0 | 2001:db8::1   |        | r-ping6",
        "ingress | IPv6 | 58   |      | 128 | 0 | 2001:db8::1   |        | r-ping6",
        "ingress | IPv6 | icmpv6 |    | 128 | 1 | 2001:db8::1   |        | ",
        "ingress | IPv6 | ipv6-icmp |  | 129 | 0 | 2001:db8::1  |        | ",
        "ingress | IPv4 | tcp  | 5432 |     |   | 10.9.9.9      | app    | r-app",
        "ingress | IPv4 | tcp  | 5432 |     |   | 10.9.9.9      | db,app | r-app",
        "ingress | IPv4 | tcp  | 5432 |     |   | 10.9.9.9      | db     | ",
        "ingress | IPv4 | tcp  | 5432 |     |   | 10.9.9.9      |        | ",
        "ingress | IPv4 | udp  | 1000 |     |   | 10.9.9.9      |        | r-range",
        "ingress | IPv4 | udp  | 1500 |     |   | 10.9.9.9      |        | r-range",
        "ingress | IPv4 | 17   | 2000 |     |   | 10.9.9.9      |        | r-range",
        "ingress | IPv4 | udp  | 999  |     |   | 10.9.9.9      |        | ",
        "ingress | IPv4 | udp  | 2001 |     |   | 10.9.9.9      |        | ",
        "ingress | IPv4 | gre  |      |     |   | 198.51.100.200 |       | r-gre",
        "ingress | IPv4 | 47   |      |     |   | 198.51.100.1  |        | r-gre",
        "ingress | IPv4 | gre  |      |     |   | 198.51.101.1  |        | ",
        "ingress | IPv4 | esp  |      |     |   | 198.51.100.1  |        | ",
        "ingress | IPv4 | tcp  | 9000 |     |   | 10.0.0.1      | ag-1   | r-ag",
        "ingress | IPv4 | tcp  | 9000 |     |   | 10.0.0.1      | ag-2   | ",
        "ingress | IPv4 | tcp  | 8080 |     |   | 192.168.1.5   |        | r-hostbits",
        "ingress | IPv4 | tcp  | 8080 |     |   | 192.168.1.77  |        | r-hostbits",
        "ingress | IPv4 | tcp  | 8080 |     |   | 192.168.2.77  |        | ",
        "ingress | IPv6 | udp  | 1    |     |   | fe80::1       |        | r-v6host",
        "ingress | IPv6 | udp  | 65535 |    |   | fe80::1       |        | r-v6host",
        "ingress | IPv6 | udp  |      |     |   | fe80::1       |        | r-v6host",
        "ingress | IPv6 | udp  | 53   |     |   | fe80::2       |        | ",
        "ingress | IPv4 | sctp | 7    |     |   | 10.0.0.1      |        | r-all-sctp",
        "ingress | IPv4 | 132  |      |     |   | 10.0.0.1      |        | r-all-sctp",
        "egress  | IPv6 | tcp  | 443  |     |   | 2001:db8::1   |        | ",
        "egress  | IPv4 | ospf |      |     |   | 224.0.0.5     |        | r-egress4",
    })
    void appliesEachRuleField(String direction, String ethertype, String protocol, Integer port, Integer icmpType,
            Integer icmpCode, String remote, String groups, String expectedIds) {
        Set<String> remoteGroups = groups == null ? Set.of() : Set.of(groups.split(","));
        Flow flow = new Flow(direction, ethertype, protocol, port, null, icmpType, icmpCode, remote, remoteGroups,
                false);
        Decision decision = evaluator.evaluate(flow, List.of(web));
        List<String> expected = expectedIds == null ? List.of() : Arrays.asList(expectedIds.split(","));
        assertEquals(expected, decision.matchedRuleIds(), decision.reason());
        assertEquals(!expected.isEmpty(), decision.allowed());
    }

    @Test
    void defaultDenyWithoutGroupsOrRules() {
        Flow flow = Flow.of("ingress", "IPv4", "tcp", 22, "10.0.0.1");
        Decision none = evaluator.evaluate(flow, List.of());
        assertFalse(none.allowed());
        assertEquals("denied: no rule matches (default deny)", none.reason());
        assertFalse(evaluator.evaluate(flow, List.of(group("empty", true))).allowed());
    }

    @Test
    void anyProtocolRulesMatchEveryProtocolIncludingNumberZero() {
        GroupRules anyNull = group("a", true, entry("any", req("ingress", "IPv6", null, null, null, null)));
        GroupRules anyZero = group("z", true, entry("zero", req("ingress", "IPv6", "0", null, null, null)));
        GroupRules ip = group("i", true, entry("ip", req("ingress", "IPv6", "ip", null, null, null)));
        for (String protocol : List.of("tcp", "udp", "ipv6-icmp", "gre", "132", "255")) {
            Flow flow = new Flow("ingress", "IPv6", protocol, 1, null, null, null, "2001:db8::9", Set.of(), false);
            assertTrue(evaluator.evaluate(flow, List.of(anyNull)).allowed(), protocol);
            assertTrue(evaluator.evaluate(flow, List.of(anyZero)).allowed(), protocol);
            assertTrue(evaluator.evaluate(flow, List.of(ip)).allowed(), protocol);
        }
    }

    @Test
    void everyMatchingRuleOfEveryGroupIsListed() {
        GroupRules open = group("open", true, entry("o-all", req("ingress", "IPv4", null, null, null, "0.0.0.0/0")));
        Decision decision = evaluator.evaluate(Flow.of("ingress", "IPv4", "tcp", 22, "10.0.0.1"), List.of(web, open));
        assertTrue(decision.allowed());
        assertEquals(List.of("r-ssh", "o-all"), decision.matchedRuleIds());
        assertEquals("allowed by group(s) [web, open]", decision.reason());
    }

    // ---- stateful vs stateless ---------------------------------------------------------------

    private static GroupRules egressOnly(boolean stateful) {
        return group(stateful ? "sf" : "sl", stateful,
                entry("e4", req("egress", "IPv4", null, null, null, null)),
                entry("e6", req("egress", "IPv6", null, null, null, null)));
    }

    @Test
    void statefulGroupLetsRepliesToItsOwnEgressBackIn() {
        Flow request = Flow.of("egress", "IPv4", "tcp", 443, "93.184.216.34").withSourcePort(51000);
        Flow reply = request.replyPacket();
        assertEquals(new Flow("ingress", "IPv4", "tcp", 51000, 443, null, null, "93.184.216.34", Set.of(), true),
                reply);
        assertTrue(evaluator.evaluate(request, List.of(egressOnly(true))).allowed());
        Decision decision = evaluator.evaluate(reply, List.of(egressOnly(true)));
        assertTrue(decision.allowed());
        assertEquals(List.of("e4"), decision.matchedRuleIds());
        assertEquals("allowed as reply: stateful group(s) [sf] allow the original egress packet", decision.reason());
        // the same packet that is no reply is unsolicited: denied
        Flow unsolicited = new Flow("ingress", "IPv4", "tcp", 51000, 443, null, null, "93.184.216.34", Set.of(), false);
        assertFalse(evaluator.evaluate(unsolicited, List.of(egressOnly(true))).allowed());
    }

    @Test
    void statelessGroupNeedsARuleForTheReply() {
        Flow reply = Flow.of("egress", "IPv4", "tcp", 443, "93.184.216.34").withSourcePort(51000).replyPacket();
        Decision denied = evaluator.evaluate(reply, List.of(egressOnly(false)));
        assertFalse(denied.allowed());
        assertEquals(List.of(), denied.matchedRuleIds());
        assertEquals("denied: stateless groups do not track connections and no rule allows the reply itself",
                denied.reason());
        GroupRules withReturnRule = group("sl", false,
                entry("e4", req("egress", "IPv4", null, null, null, null)),
                entry("back", req("ingress", "IPv4", "tcp", 1024, 65535, null)));
        Decision allowed = evaluator.evaluate(reply, List.of(withReturnRule));
        assertTrue(allowed.allowed());
        assertEquals(List.of("back"), allowed.matchedRuleIds());
        assertEquals("allowed by group(s) [sl] (reply matched on its own)", allowed.reason());
        // a rule for the service port does not help: the reply goes to the ephemeral port
        GroupRules wrongPort = group("sl", false, entry("p443", req("ingress", "IPv4", "tcp", 443, 443, null)));
        assertFalse(evaluator.evaluate(reply, List.of(wrongPort)).allowed());
    }

    @Test
    void statefulIngressRuleAllowsTheAnswersOnlyToAllowedPeers() {
        GroupRules sshOnly = group("ssh", true, entry("r-ssh", req("ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/8")));
        Flow fromAdmin = Flow.of("ingress", "IPv4", "tcp", 22, "10.1.1.1").withSourcePort(40000);
        Flow answer = fromAdmin.replyPacket();
        assertEquals("egress", answer.direction());
        assertEquals(40000, answer.port());
        assertTrue(evaluator.evaluate(answer, List.of(sshOnly)).allowed());
        Flow answerToStranger = Flow.of("ingress", "IPv4", "tcp", 22, "172.16.0.1").withSourcePort(40000)
                .replyPacket();
        assertFalse(evaluator.evaluate(answerToStranger, List.of(sshOnly)).allowed());
        assertEquals("denied: no stateful group allows the original packet (default deny)",
                evaluator.evaluate(answerToStranger, List.of(sshOnly)).reason());
        GroupRules statelessSsh = group("ssh", false, entry("r-ssh", req("ingress", "IPv4", "tcp", 22, 22,
                "10.0.0.0/8")));
        assertFalse(evaluator.evaluate(answer, List.of(statelessSsh)).allowed());
    }

    @Test
    void statefulRepliesWorkForRemoteGroupsAndIpv6() {
        GroupRules db = group("db", true, entry("r-app6", fromGroup("ingress", "IPv6", "tcp", 5432, 5432, "app")));
        Flow query = new Flow("ingress", "IPv6", "tcp", 5432, 33000, null, null, "2001:db8::10", Set.of("app"), false);
        assertTrue(evaluator.evaluate(query.replyPacket(), List.of(db)).allowed());
        Flow stranger = query.withRemoteGroups(Set.of("web"));
        assertFalse(evaluator.evaluate(stranger.replyPacket(), List.of(db)).allowed());
    }

    @Test
    void icmpEchoRepliesAreMatchedToTheirRequests() {
        GroupRules pingOut = group("p", true, entry("echo", req("egress", "IPv4", "icmp", 8, 0, null)));
        Flow echo = Flow.icmp("egress", "IPv4", 8, 0, "192.0.2.1");
        Flow echoReply = echo.replyPacket();
        assertEquals(0, echoReply.icmpType());
        assertEquals("ingress", echoReply.direction());
        assertTrue(evaluator.evaluate(echoReply, List.of(pingOut)).allowed());
        GroupRules statelessPing = group("p", false, entry("echo", req("egress", "IPv4", "icmp", 8, 0, null)));
        assertFalse(evaluator.evaluate(echoReply, List.of(statelessPing)).allowed());
        GroupRules statelessBoth = group("p", false,
                entry("echo", req("egress", "IPv4", "icmp", 8, 0, null)),
                entry("echo-reply", req("ingress", "IPv4", "icmp", 0, null, null)));
        assertTrue(evaluator.evaluate(echoReply, List.of(statelessBoth)).allowed());

        GroupRules ping6 = group("p6", true, entry("echo6", req("egress", "IPv6", "ipv6-icmp", 128, null, null)));
        Flow echo6Reply = Flow.icmp("egress", "IPv6", 128, 0, "2001:db8::1").replyPacket();
        assertEquals(129, echo6Reply.icmpType());
        assertTrue(evaluator.evaluate(echo6Reply, List.of(ping6)).allowed());
        // an unrelated ICMP type that arrives as a "reply" is not turned into an echo
        Flow unreachable = new Flow("ingress", "IPv6", "ipv6-icmp", null, null, 1, 4, "2001:db8::1", Set.of(), true);
        assertFalse(evaluator.evaluate(unreachable, List.of(ping6)).allowed());
    }

    @Test
    void statefulGroupAllowsRepliesEvenWhenAnotherGroupIsStateless() {
        Flow reply = Flow.of("egress", "IPv6", "udp", 53, "2001:4860:4860::8888").withSourcePort(5353).replyPacket();
        Decision decision = evaluator.evaluate(reply, List.of(egressOnly(false), egressOnly(true)));
        assertTrue(decision.allowed());
        assertEquals(List.of("e6"), decision.matchedRuleIds());
    }

    // ---- address matching property -----------------------------------------------------------

    @Test
    void prefixMatchingAgreesWithBigIntegerForRandomPrefixes() {
        Random random = new Random(5);
        for (int i = 0; i < 3000; i++) {
            int bits = random.nextBoolean() ? 32 : 128;
            String ethertype = bits == 32 ? "IPv4" : "IPv6";
            IpAddress base = IpPrefixTest.randomAddress(random, bits);
            int length = random.nextInt(bits + 1);
            IpAddress candidate = random.nextInt(3) == 0 ? IpPrefixTest.randomAddress(random, bits)
                    : IpPrefixTest.nearby(random, base, bits);
            GroupRules g = group("g", true, entry("r", req("ingress", ethertype, "tcp", 443, 443, base + "/" + length)));
            Flow flow = Flow.of("ingress", ethertype, "tcp", 443, candidate.toString());
            int shift = bits - length;
            boolean expected = base.toBigInteger().shiftRight(shift).equals(candidate.toBigInteger().shiftRight(shift));
            assertEquals(expected, evaluator.evaluate(flow, List.of(g)).allowed(), base + "/" + length + " " + candidate);
            // the same check through java.net.InetAddress bytes
            BigInteger fromJava = new BigInteger(1, candidate.toInetAddress().getAddress());
            assertEquals(candidate.toBigInteger(), fromJava);
        }
    }

    @Test
    void flowsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Flow.of("inbound", "IPv4", "tcp", 1, null));
        assertThrows(IllegalArgumentException.class, () -> Flow.of("ingress", "IPv5", "tcp", 1, null));
        assertThrows(IllegalArgumentException.class, () -> Flow.of("ingress", "IPv4", "tcp", 1, "2001:db8::1"));
        assertThrows(IllegalArgumentException.class, () -> Flow.of("ingress", "IPv6", "tcp", 1, "10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Flow.of("ingress", "IPv4", "bogus", 1, null));
        assertThrows(IllegalArgumentException.class, () -> Flow.of("ingress", "IPv4", "tcp", 1, "example.com"));
        assertEquals("IPv6", Flow.of("egress", "ipv6", "TCP", 1, null).ethertype());
        assertEquals(58, Flow.of("egress", "IPv6", "icmp", null, null).protocolNumber());
        assertEquals(1, Flow.of("egress", "IPv4", "icmp", null, null).protocolNumber());
    }
}

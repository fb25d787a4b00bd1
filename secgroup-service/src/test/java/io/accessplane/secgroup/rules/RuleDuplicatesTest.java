package io.accessplane.secgroup.rules;

import static io.accessplane.secgroup.rules.TestRules.SG;
import static io.accessplane.secgroup.rules.TestRules.norm;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Neutron's duplicate-rule equivalence (_rule_to_key) and its 409s. */
class RuleDuplicatesTest {

    private final RuleDuplicates duplicates = new RuleDuplicates();

    /**
     * Two ingress rules of the same group, each given as ethertype, protocol, min, max, prefix, remote
     * group, description; then whether Neutron calls them duplicates.
     */
    @ParameterizedTest(name = "[{index}] {14}")
    @CsvSource(delimiter = '|', value = {
        "IPv4 | tcp  | 22 | 22 | 10.0.0.0/8 |    | a | IPv4 | tcp  | 22 | 22 | 10.0.0.0/8 |    | b | true",
        "IPv4 | tcp  | 22 | 22 |            |    |   | IPv4 | 6    | 22 | 22 |            |    |   | true",
        "IPv4 | TCP  | 22 | 22 |            |    |   | IPv4 | 6    | 22 | 22 |            |    |   | true",
        "IPv4 | udp  |    |    |            |    |   | IPv4 | 17   |    |    |            |    |   | true",
        "IPv4 | tcp  | 22 | 22 |            |    |   | IPv4 | udp  | 22 | 22 |            |    |   | false",
        "IPv4 | tcp  | 22 | 22 |            |    |   | IPv4 | tcp  | 22 | 23 |            |    |   | false",
        "IPv4 | tcp  | 1  | 65535 |         |    |   | IPv4 | tcp  |    |    |            |    |   | true",
        "IPv4 |      |    |    |            |    |   | IPv4 | any  |    |    |            |    |   | true",
        "IPv4 |      |    |    |            |    |   | IPv4 | 0    |    |    |            |    |   | false",
        "IPv4 | 0    |    |    |            |    |   | IPv4 | ip   |    |    |            |    |   | true",
        "IPv4 | 0    |    |    |            |    |   | IPv4 | hopopt |  |    |            |    |   | false",
        "IPv4 | icmp | 8  |    |            |    |   | IPv4 | 1    | 8  |    |            |    |   | true",
        "IPv4 | icmp | 8  | 0  |            |    |   | IPv4 | icmp | 8  |    |            |    |   | false",
        "IPv6 | icmp | 128 |   |            |    |   | IPv6 | ipv6-icmp | 128 | |       |    |   | true",
        "IPv6 | icmpv6 |  |    |            |    |   | IPv6 | 58   |    |    |            |    |   | true",
        "IPv6 | 1    |    |    |            |    |   | IPv6 | ipv6-icmp | |    |            |    |   | true",
        "IPv6 | gre  |    |    |            |    |   | IPv6 | 47   |    |    |            |    |   | true",
        "IPv4 | tcp  | 80 | 80 | 0.0.0.0/0  |    |   | IPv4 | tcp  | 80 | 80 |            |    |   | true",
        "IPv6 | tcp  | 80 | 80 | ::/0       |    |   | IPv6 | tcp  | 80 | 80 |            |    |   | true",
        "IPv4 | tcp  | 80 | 80 | 0.0.0.0/0  |    |   | IPv6 | tcp  | 80 | 80 | ::/0       |    |   | false",
        "IPv4 | tcp  | 80 | 80 |            |    |   | IPv6 | tcp  | 80 | 80 |            |    |   | false",
        "IPv4 | tcp  | 80 | 80 | 1.2.3.4/0  |    |   | IPv4 | tcp  | 80 | 80 | 0.0.0.0/0  |    |   | false",
        "IPv4 | tcp  | 80 | 80 | 10.0.0.1   |    |   | IPv4 | tcp  | 80 | 80 | 10.0.0.1/32 |   |   | true",
        "IPv4 | tcp  | 80 | 80 | 10.0.0.1/24 |   |   | IPv4 | tcp  | 80 | 80 | 10.0.0.0/24 |   |   | false",
        "IPv4 | tcp  | 80 | 80 | 10.0.0.0/255.0.0.0 | | | IPv4 | tcp | 80 | 80 | 10.0.0.0/8 |  |   | true",
        "IPv6 | tcp  | 80 | 80 | 2001:DB8::/32 | |   | IPv6 | tcp  | 80 | 80 | 2001:db8:0::/32 | | | true",
        "IPv4 | tcp  | 80 | 80 |            | g1 |   | IPv4 | tcp  | 80 | 80 |            | g1 | x | true",
        "IPv4 | tcp  | 80 | 80 |            | g1 |   | IPv4 | tcp  | 80 | 80 |            | g2 |   | false",
        "IPv4 | tcp  | 80 | 80 |            | g1 |   | IPv4 | tcp  | 80 | 80 |            |    |   | false",
    })
    void matchesNeutronsDuplicateKey(String e1, String p1, Integer min1, Integer max1, String prefix1, String g1,
            String d1, String e2, String p2, Integer min2, Integer max2, String prefix2, String g2, String d2,
            boolean expected) {
        NormalizedRule a = norm(new RuleRequest("ingress", e1, p1, min1, max1, prefix1, g1, null, d1, SG));
        NormalizedRule b = norm(new RuleRequest("ingress", e2, p2, min2, max2, prefix2, g2, null, d2, SG));
        assertEquals(expected, duplicates.areDuplicates(a, b));
        assertEquals(expected, duplicates.areDuplicates(b, a));
        assertEquals(expected, a.key().toNeutronString().equals(b.key().toNeutronString()));
    }

    @Test
    void directionGroupAndAddressGroupAreCompared() {
        NormalizedRule in = norm(TestRules.req("ingress", null, "tcp", 22, 22, null));
        NormalizedRule out = norm(TestRules.req("egress", null, "tcp", 22, 22, null));
        NormalizedRule otherGroup = norm(TestRules.req("ingress", null, "tcp", 22, 22, null).withSecurityGroupId("g"));
        NormalizedRule addressGroup = norm(new RuleRequest("ingress", null, "tcp", 22, 22, null, null, "ag", null, SG));
        assertEquals(false, duplicates.areDuplicates(in, out));
        assertEquals(false, duplicates.areDuplicates(in, otherGroup));
        assertEquals(false, duplicates.areDuplicates(in, addressGroup));
    }

    @Test
    void keyStringIsNeutrons() {
        NormalizedRule rule = norm(TestRules.req("ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/8"));
        assertEquals("ingress_IPv4_22_22_['tcp', '6']_+_+_10.0.0.0/8_" + SG, rule.key().toNeutronString());
        NormalizedRule any = norm(TestRules.req("egress", "IPv6", null, null, null, "::/0"));
        assertEquals("egress_IPv6_+_+_+_+_+_+_" + SG, any.key().toNeutronString());
        NormalizedRule unknownNumber = norm(TestRules.req("egress", "IPv4", "111", null, null, null));
        assertEquals("egress_IPv4_+_+_['111', '111']_+_+_+_" + SG, unknownNumber.key().toNeutronString());
    }

    @Test
    void duplicateInsideOnePostIs409() {
        NormalizedRule a = norm(TestRules.req("ingress", null, "tcp", 22, 22, null).withDescription("one"));
        NormalizedRule b = norm(TestRules.req("ingress", null, "6", 22, 22, "0.0.0.0/0").withDescription("two"));
        RuleRejection rejection = assertThrows(RuleRejection.class, () -> duplicates.check(List.of(a, b), List.of()));
        assertEquals("DuplicateSecurityGroupRuleInPost", rejection.type());
        assertEquals("Duplicate Security Group Rule in POST.", rejection.message());
        assertEquals(409, rejection.status());
    }

    @Test
    void duplicateOfAStoredRuleIs409WithItsId() {
        List<RuleEntry> existing = List.of(
                new RuleEntry("r-1", norm(TestRules.req("egress", null, null, null, null, null))),
                new RuleEntry("r-2", norm(TestRules.req("ingress", null, "tcp", 443, 443, null))),
                new RuleEntry("r-3", norm(TestRules.req("ingress", null, "tcp", 22, 22, null))));
        NormalizedRule again = norm(TestRules.req("ingress", "ipv4", "TCP", 22, 22, "0.0.0.0/0")
                .withDescription("different text"));
        NormalizedRule fresh = norm(TestRules.req("ingress", null, "tcp", 80, 80, null));
        RuleRejection rejection = assertThrows(RuleRejection.class,
                () -> duplicates.check(List.of(fresh, again), existing));
        assertEquals("SecurityGroupRuleExists", rejection.type());
        assertEquals("Security group rule already exists. Rule id is r-3.", rejection.message());
        assertEquals(409, rejection.status());
        assertDoesNotThrow(() -> duplicates.check(List.of(fresh), existing));
    }

    @Test
    void equivalenceIsReflexiveSymmetricAndTransitiveOnRandomRules() {
        Random random = new Random(99);
        RuleNormaliser normaliser = new RuleNormaliser();
        List<NormalizedRule> rules = new ArrayList<>();
        while (rules.size() < 400) {
            try {
                rules.add(normaliser.normalise(RuleNormaliserTest.randomRequest(random)));
            } catch (RuleRejection ignored) {
                // only valid rules take part
            }
        }
        // add re-spellings of some rules so that equivalent pairs exist
        for (int i = 0; i < 100; i++) {
            NormalizedRule r = rules.get(i);
            rules.add(normaliser.normalise(respell(r)));
        }
        for (NormalizedRule a : rules) {
            assertEquals(true, duplicates.areDuplicates(a, a));
            for (NormalizedRule b : rules) {
                boolean ab = duplicates.areDuplicates(a, b);
                assertEquals(ab, duplicates.areDuplicates(b, a));
                if (ab) {
                    assertEquals(a.key().hashCode(), b.key().hashCode());
                }
            }
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(true, duplicates.areDuplicates(rules.get(i), rules.get(400 + i)), rules.get(i).toString());
        }
        for (int i = 0; i < 20000; i++) {
            NormalizedRule a = rules.get(random.nextInt(rules.size()));
            NormalizedRule b = rules.get(random.nextInt(rules.size()));
            NormalizedRule c = rules.get(random.nextInt(rules.size()));
            if (duplicates.areDuplicates(a, b) && duplicates.areDuplicates(b, c)) {
                assertEquals(true, duplicates.areDuplicates(a, c));
            }
        }
    }

    /** The same rule spelled differently: protocol as a number (or name), any-prefix dropped, new text. */
    private static RuleRequest respell(NormalizedRule r) {
        String protocol = r.protocol();
        if (protocol != null && IpProtocols.NAME_TO_NUMBER.containsKey(protocol) && !protocol.equals("hopopt")
                && !(protocol.equals("icmp") && r.ethertype().equals("IPv6"))) {
            protocol = String.valueOf(IpProtocols.NAME_TO_NUMBER.get(protocol));
        }
        String prefix = r.remoteIpPrefix();
        if ("0.0.0.0/0".equals(prefix) || "::/0".equals(prefix)) {
            prefix = null;
        }
        Integer min = r.portRangeMin();
        Integer max = r.portRangeMax();
        if (min == null && max == null && protocol != null && IpProtocols.PORT_PROTOCOLS.contains(
                IpProtocols.number(protocol))) {
            min = 1;
            max = 65535;
        }
        return new RuleRequest(r.direction(), r.ethertype().toLowerCase(), protocol, min, max, prefix,
                r.remoteGroupId(), r.remoteAddressGroupId(), "respelled", r.securityGroupId());
    }
}

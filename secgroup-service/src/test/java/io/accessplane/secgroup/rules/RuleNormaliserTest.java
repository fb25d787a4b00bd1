package io.accessplane.secgroup.rules;

import static io.accessplane.secgroup.rules.TestRules.SG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Neutron stores for accepted rules. */
class RuleNormaliserTest {

    private final RuleNormaliser normaliser = new RuleNormaliser();

    /** in: ethertype, protocol, min, max, prefix | out: ethertype, protocol, min, max, prefix, normalized_cidr. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // ethertype default and case
        "      |          |     |       |                 | IPv4 |           |     |     |                      |",
        "ipv6  |          |     |       |                 | IPv6 |           |     |     |                      |",
        "IPV4  |          |     |       |                 | IPv4 |           |     |     |                      |",
        // protocol names, numbers, any
        "IPv4  | TCP      | 22  | 22    |                 | IPv4 | tcp       | 22  | 22  |                      |",
        "IPv4  | Udp      | 53  | 53    |                 | IPv4 | udp       | 53  | 53  |                      |",
        "IPv4  | 6        | 80  | 8080  |                 | IPv4 | 6         | 80  | 8080|                      |",
        "IPv4  | 17       | 1   | 1024  |                 | IPv4 | 17        | 1   | 1024|                      |",
        "IPv4  | 0        |     |       |                 | IPv4 | 0         |     |     |                      |",
        "IPv4  | 255      |     |       |                 | IPv4 | 255       |     |     |                      |",
        "IPv4  | any      |     |       |                 | IPv4 |           |     |     |                      |",
        "IPv6  | ANY      |     |       |                 | IPv6 |           |     |     |                      |",
        "IPv4  | gre      |     |       |                 | IPv4 | gre       |     |     |                      |",
        "IPv4  | HOPOPT   |     |       |                 | IPv4 | hopopt    |     |     |                      |",
        "IPv4  | vrrp     |     |       |                 | IPv4 | vrrp      |     |     |                      |",
        "IPv6  | ipv6-frag |    |       |                 | IPv6 | ipv6-frag |     |     |                      |",
        "IPv6  | 44       |     |       |                 | IPv6 | 44        |     |     |                      |",
        "IPv4  | dccp     | 5   | 5     |                 | IPv4 | dccp      | 5   | 5   |                      |",
        "IPv4  | sctp     | 5   | 6     |                 | IPv4 | sctp      | 5   | 6   |                      |",
        "IPv4  | udplite  | 65535 | 65535 |               | IPv4 | udplite   | 65535 | 65535 |                |",
        "IPv4  | 136      | 7   | 9     |                 | IPv4 | 136       | 7   | 9   |                      |",
        // the whole port range is stored as no range, whatever the protocol, before any other check
        "IPv4  | tcp      | 1   | 65535 |                 | IPv4 | tcp       |     |     |                      |",
        "IPv6  | udp      | 1   | 65535 |                 | IPv6 | udp       |     |     |                      |",
        "IPv4  |          | 1   | 65535 |                 | IPv4 |           |     |     |                      |",
        "IPv4  | gre      | 1   | 65535 |                 | IPv4 | gre       |     |     |                      |",
        "IPv4  | icmp     | 1   | 65535 |                 | IPv4 | icmp      |     |     |                      |",
        "IPv4  | tcp      | 2   | 65535 |                 | IPv4 | tcp       | 2   | 65535 |                    |",
        // icmp: min is the type, max the code; IPv6 icmp becomes ipv6-icmp / 58
        "IPv4  | icmp     | 8   |       |                 | IPv4 | icmp      | 8   |     |                      |",
        "IPv4  | icmp     | 0   | 0     |                 | IPv4 | icmp      | 0   | 0   |                      |",
        "IPv4  | ICMP     | 3   | 255   |                 | IPv4 | icmp      | 3   | 255 |                      |",
        "IPv4  | 1        | 255 | 0     |                 | IPv4 | 1         | 255 | 0   |                      |",
        "IPv6  | icmp     | 128 |       |                 | IPv6 | ipv6-icmp | 128 |     |                      |",
        "IPv6  | icmpv6   | 1   | 4     |                 | IPv6 | ipv6-icmp | 1   | 4   |                      |",
        "IPv6  | ICMPv6   |     |       |                 | IPv6 | ipv6-icmp |     |     |                      |",
        "IPv6  | ipv6-icmp | 135 | 0    |                 | IPv6 | ipv6-icmp | 135 | 0   |                      |",
        "IPv6  | 1        | 2   | 0     |                 | IPv6 | 58        | 2   | 0   |                      |",
        "IPv6  | 58       |     |       |                 | IPv6 | 58        |     |     |                      |",
        // remote_ip_prefix: host prefix added, host bits kept, normalized_cidr computed
        "IPv4  |          |     |       | 10.0.0.5        | IPv4 |           |     |     | 10.0.0.5/32          | 10.0.0.5/32",
        "IPv4  |          |     |       | 10.0.0.5/24     | IPv4 |           |     |     | 10.0.0.5/24          | 10.0.0.0/24",
        "IPv4  |          |     |       | 10.0.0.5/255.255.255.0 | IPv4 |    |     |     | 10.0.0.5/24          | 10.0.0.0/24",
        "IPv4  |          |     |       | 10.0.0.5/0.0.0.255 | IPv4 |        |     |     | 10.0.0.5/24          | 10.0.0.0/24",
        "IPv4  |          |     |       | 10.0.0.0/024    | IPv4 |           |     |     | 10.0.0.0/24          | 10.0.0.0/24",
        "IPv4  |          |     |       | 0.0.0.0/0       | IPv4 |           |     |     | 0.0.0.0/0            | 0.0.0.0/0",
        "IPv4  |          |     |       | 1.2.3.4/0       | IPv4 |           |     |     | 1.2.3.4/0            | 0.0.0.0/0",
        "IPv4  |          |     |       | \"\"            | IPv4 |           |     |     |                      |",
        "IPv6  |          |     |       | 2001:DB8::1     | IPv6 |           |     |     | 2001:db8::1/128      | 2001:db8::1/128",
        "IPv6  |          |     |       | 2001:0db8:0000:0000:0000:0000:0000:0001/64 | IPv6 | | |  | 2001:db8::1/64 | 2001:db8::/64",
        "IPv6  |          |     |       | ::/0            | IPv6 |           |     |     | ::/0                 | ::/0",
        "IPv6  |          |     |       | ::ffff:10.0.0.1 | IPv6 |           |     |     | ::ffff:10.0.0.1/128  | ::ffff:10.0.0.1/128",
        "IPv6  | tcp      | 443 | 443   | fd00::1:2/48    | IPv6 | tcp       | 443 | 443 | fd00::1:2/48         | fd00::/48",
    })
    void storesWhatNeutronStores(String ethertype, String protocol, Integer min, Integer max, String prefix,
            String outEthertype, String outProtocol, Integer outMin, Integer outMax, String outPrefix,
            String outCidr) {
        NormalizedRule rule = normaliser.normalise(
                new RuleRequest("ingress", ethertype, protocol, min, max, prefix, null, null, null, SG));
        assertEquals(new NormalizedRule(SG, "ingress", outEthertype, outProtocol, outMin, outMax, outPrefix, outCidr,
                null, null, ""), rule);
    }

    @Test
    void keepsRemoteGroupsAndDescription() {
        NormalizedRule rule = normaliser.normalise(new RuleRequest("egress", "IPv6", "tcp", 5432, 5432, null, "app",
                null, "db access", SG));
        assertEquals("app", rule.remoteGroupId());
        assertNull(rule.remoteAddressGroupId());
        assertEquals("db access", rule.description());
        assertEquals("egress", rule.direction());
        NormalizedRule viaAddressGroup = normaliser.normalise(new RuleRequest("ingress", null, null, null, null, "",
                "", "ag-1", null, SG));
        assertEquals("ag-1", viaAddressGroup.remoteAddressGroupId());
        assertNull(viaAddressGroup.remoteGroupId());
        assertNull(viaAddressGroup.remoteIpPrefix());
        assertEquals("", viaAddressGroup.description());
    }

    @Test
    void theOpenstackClientRequestIsStoredAsSent() {
        // peer-captures/23_secgroup_rule_create: the body `openstack security group rule create` sends
        NormalizedRule rule = normaliser.normalise(new RuleRequest("ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/8",
                null, null, null, SG));
        assertEquals(new NormalizedRule(SG, "ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/8", "10.0.0.0/8", null, null,
                ""), rule);
        assertEquals(6, rule.protocolNumber());
    }

    @Test
    void normalisingIsIdempotentForRandomRequests() {
        Random random = new Random(1234);
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            RuleRequest request = randomRequest(random);
            NormalizedRule once;
            try {
                once = normaliser.normalise(request);
            } catch (RuleRejection rejected) {
                assertEquals(400, rejected.status());
                continue;
            }
            accepted++;
            NormalizedRule twice = normaliser.normalise(once.toRequest());
            assertEquals(once, twice, request.toString());
            assertEquals(once.key(), twice.key());
            if (once.remoteIpPrefix() != null) {
                assertEquals(once.normalizedCidr(), IpPrefix.parse(once.remoteIpPrefix()).network().toString());
            }
        }
        // the generator must produce enough valid rules for the property to mean something
        assertTrue(accepted > 1000, "accepted " + accepted);
    }

    static RuleRequest randomRequest(Random random) {
        String[] directions = {"ingress", "egress", "ingress", "egress", "in"};
        String[] ethertypes = {null, "IPv4", "IPv6", "ipv6", "IPv4", "IPv6"};
        String ethertype = ethertypes[random.nextInt(ethertypes.length)];
        boolean v6 = ethertype != null && ethertype.equalsIgnoreCase("IPv6");
        List<String> protocols = new ArrayList<>(IpProtocols.NAME_TO_NUMBER.keySet());
        protocols.addAll(List.of("any", "ANY", "TCP", "Icmp", "0", "1", "6", "17", "58", "255", "256", "06",
                "tcp", "udp", "icmp", "tcp", "udp"));
        protocols.add(null);
        protocols.add(null);
        String protocol = protocols.get(random.nextInt(protocols.size()));
        boolean withPorts = random.nextInt(3) > 0;
        Integer min = withPorts ? randomPort(random) : null;
        Integer max = !withPorts ? null : random.nextInt(3) == 0 ? min : randomPort(random);
        int family = random.nextInt(7) == 0 ? (v6 ? 32 : 128) : (v6 ? 128 : 32);
        String prefix = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1, 2 -> IpPrefixTest.randomAddress(random, family) + "/" + random.nextInt(family + 1);
            case 3 -> family == 32 ? "0.0.0.0/0" : "::/0";
            case 4 -> IpPrefixTest.randomAddress(random, family).toString();
            default -> "";
        };
        String remoteGroup = random.nextInt(5) == 0 ? "g-" + random.nextInt(3) : null;
        String addressGroup = random.nextInt(8) == 0 ? "ag-" + random.nextInt(3) : null;
        String description = random.nextBoolean() ? null : "d" + random.nextInt(100);
        return new RuleRequest(directions[random.nextInt(directions.length)], ethertype, protocol, min, max, prefix,
                remoteGroup, addressGroup, description, SG);
    }

    private static Integer randomPort(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> null;
            case 2 -> random.nextInt(256);
            case 3 -> 1 + random.nextInt(65535);
            case 4 -> 1;
            case 5 -> 65535;
            default -> random.nextInt(20);
        };
    }
}

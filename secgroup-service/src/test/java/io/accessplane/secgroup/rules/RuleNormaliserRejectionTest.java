package io.accessplane.secgroup.rules;

import static io.accessplane.secgroup.rules.TestRules.SG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way Neutron refuses a rule, with its error type and exact message. */
class RuleNormaliserRejectionTest {

    /** Python's repr of neutron's sg_supported_protocols, as the message prints it. */
    private static final String PROTOCOLS = "(None, 'any', 'ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', "
            + "'igmp', 'ip', 'ipip', 'ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', "
            + "'ipv6-route', 'ospf', 'pgm', 'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp')";

    private final RuleNormaliser normaliser = new RuleNormaliser();

    @ParameterizedTest(name = "[{index}] {8}: {9}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // direction
        "        | IPv4 | tcp  | 22 | 22 |   |   |   | HTTPBadRequest | Failed to parse request. Required attribute 'direction' not specified",
        "in      | IPv4 | tcp  | 22 | 22 |   |   |   | HTTPBadRequest | Invalid input for direction. Reason: in is not in valid_values.",
        "INGRESS | IPv4 | tcp  | 22 | 22 |   |   |   | HTTPBadRequest | Invalid input for direction. Reason: INGRESS is not in valid_values.",
        "\"\"    | IPv4 |      |    |    |   |   |   | HTTPBadRequest | Invalid input for direction. Reason:  is not in valid_values.",
        // protocol
        "ingress | IPv4 | foo  |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol foo not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | 256  |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol 256 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | -1   |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol -1 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | 06   |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol 06 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | \" 6\" |  |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol  6 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | 6.0  |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol 6.0 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | \"\" |    |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol  not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv4 | icmp6 |   |    |   |   |   | SecurityGroupRuleInvalidProtocol | Security group rule protocol icmp6 not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        // port values (API converter)
        "ingress | IPv4 | tcp  | -1 | 22 |   |   |   | SecurityGroupInvalidPortValue | Invalid value for port -1",
        "ingress | IPv4 | tcp  | 22 | 65536 | |   |   | SecurityGroupInvalidPortValue | Invalid value for port 65536",
        "ingress | IPv4 | icmp | -1 |    |   |   |   | SecurityGroupInvalidPortValue | Invalid value for port -1",
        // ethertype
        "ingress | IPv5 | tcp  |    |    |   |   |   | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype 'IPv5' not supported. Allowed values are ['IPv4', 'IPv6'].",
        "ingress | \"\" |      |    |    |   |   |   | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype '' not supported. Allowed values are ['IPv4', 'IPv6'].",
        "ingress | 4    |      |    |    |   |   |   | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype '4' not supported. Allowed values are ['IPv4', 'IPv6'].",
        // remote_ip_prefix syntax
        "ingress | IPv4 |      |    |    | 10.0.0.256  | | | InvalidCIDR | Invalid CIDR 10.0.0.256 given as IP prefix.",
        "ingress | IPv4 |      |    |    | 10.0.0.0/33 | | | InvalidCIDR | Invalid CIDR 10.0.0.0/33 given as IP prefix.",
        "ingress | IPv4 |      |    |    | 10.1/16     | | | InvalidCIDR | Invalid CIDR 10.1/16 given as IP prefix.",
        "ingress | IPv4 |      |    |    | 010.0.0.0/8 | | | InvalidCIDR | Invalid CIDR 010.0.0.0/8 given as IP prefix.",
        "ingress | IPv4 |      |    |    | 10.0.0.0/255.0.255.0 | | | InvalidCIDR | Invalid CIDR 10.0.0.0/255.0.255.0 given as IP prefix.",
        "ingress | IPv6 |      |    |    | fe80::1%eth0 | | | InvalidCIDR | Invalid CIDR fe80::1%eth0 given as IP prefix.",
        "ingress | IPv4 |      |    |    | any          | | | InvalidCIDR | Invalid CIDR any given as IP prefix.",
        // ports need a protocol
        "ingress | IPv4 |      | 22 | 22 |   |   |   | SecurityGroupProtocolRequiredWithPorts | Must also specify protocol if port range is given.",
        "ingress | IPv4 | any  | 22 | 22 |   |   |   | SecurityGroupProtocolRequiredWithPorts | Must also specify protocol if port range is given.",
        "ingress | IPv4 |      |    | 80 |   |   |   | SecurityGroupProtocolRequiredWithPorts | Must also specify protocol if port range is given.",
        // tcp-like port ranges
        "ingress | IPv4 | tcp  | 0  | 10 |   |   |   | SecurityGroupInvalidPortValue | Invalid value for port 0",
        "ingress | IPv4 | udp  | 10 | 0  |   |   |   | SecurityGroupInvalidPortValue | Invalid value for port 0",
        "ingress | IPv4 | sctp | 0  |    |   |   |   | SecurityGroupInvalidPortValue | Invalid value for port 0",
        "ingress | IPv4 | tcp  | 90 | 80 |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv4 | tcp  | 80 |    |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv4 | udp  |    | 80 |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv4 | dccp | 2  | 1  |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv4 | udplite | 1000 | 1 | | | | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv4 | 6    | 1  |    |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        "ingress | IPv6 | 132  | 5  | 4  |   |   |   | SecurityGroupInvalidPortRange | For TCP/UDP protocols, port_range_min must be <= port_range_max",
        // icmp type/code
        "ingress | IPv4 | icmp | 256 | 0 |   |   |   | SecurityGroupInvalidIcmpValue | Invalid value for ICMP type (port_range_min) 256. It must be 0 to 255.",
        "ingress | IPv4 | icmp | 8  | 300 |  |   |   | SecurityGroupInvalidIcmpValue | Invalid value for ICMP code (port_range_max) 300. It must be 0 to 255.",
        "ingress | IPv4 | icmp | 300 | 1 |   |   |   | SecurityGroupInvalidIcmpValue | Invalid value for ICMP type (port_range_min) 300. It must be 0 to 255.",
        "ingress | IPv4 | icmp | 1  | 256 |  |   |   | SecurityGroupInvalidIcmpValue | Invalid value for ICMP code (port_range_max) 256. It must be 0 to 255.",
        "ingress | IPv6 | ipv6-icmp | 1000 | | | | | SecurityGroupInvalidIcmpValue | Invalid value for ICMP type (port_range_min) 1000. It must be 0 to 255.",
        "ingress | IPv4 | icmp |    | 6  |   |   |   | SecurityGroupMissingIcmpType | ICMP code (port-range-max) 6 is provided but ICMP type (port-range-min) is missing.",
        "ingress | IPv6 | icmp |    | 0  |   |   |   | SecurityGroupMissingIcmpType | ICMP code (port-range-max) 0 is provided but ICMP type (port-range-min) is missing.",
        "ingress | IPv6 | icmpv6 |  | 4  |   |   |   | SecurityGroupMissingIcmpType | ICMP code (port-range-max) 4 is provided but ICMP type (port-range-min) is missing.",
        "ingress | IPv4 | 1    |    | 4  |   |   |   | SecurityGroupMissingIcmpType | ICMP code (port-range-max) 4 is provided but ICMP type (port-range-min) is missing.",
        // ports with a protocol that has none
        "ingress | IPv4 | gre  | 1  | 2  |   |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 47. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        "ingress | IPv4 | vrrp | 100 |   |   |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 112. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        "ingress | IPv4 | 111  | 100 | 200 | |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 111. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        "ingress | IPv4 | 0    | 80 | 80 |   |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 0. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        "ingress | IPv4 | ip   | 80 | 80 |   |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 0. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        "egress  | IPv4 | ESP  |    | 1  |   |   |   | SecurityGroupInvalidProtocolForPort | Ports cannot be specified for protocol 50. Ports are only supported for DCCP, SCTP, TCP, UDP, UDPLITE.",
        // family of remote_ip_prefix vs ethertype (message shows the prefix with its length)
        "ingress | IPv4 |      |    |    | ::/0       | | | SecurityGroupRuleParameterConflict | Conflicting value ethertype IPv4 for CIDR ::/0",
        "ingress | IPv6 | tcp  | 22 | 22 | 10.0.0.1   | | | SecurityGroupRuleParameterConflict | Conflicting value ethertype IPv6 for CIDR 10.0.0.1/32",
        "ingress |      | tcp  | 22 | 22 | 2001:DB8::/32 | | | SecurityGroupRuleParameterConflict | Conflicting value ethertype IPv4 for CIDR 2001:db8::/32",
        "ingress | IPv4 |      |    |    | ::ffff:10.0.0.1 | | | SecurityGroupRuleParameterConflict | Conflicting value ethertype IPv4 for CIDR ::ffff:10.0.0.1/128",
        // IPv6-only protocols with IPv4
        "ingress | IPv4 | ipv6-icmp |  |  |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol ipv6-icmp.",
        "ingress | IPv4 | ICMPv6 |   |    |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol icmpv6.",
        "ingress | IPv4 | 58   |    |    |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol 58.",
        "ingress | IPv4 | 58   | 8  | 0  |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol 58.",
        "ingress | ipv4 | ipv6-route | | |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol ipv6-route.",
        "egress  | IPv4 | 41   |    |    |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol 41.",
        "egress  | IPv4 | ipv6-frag | | |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol ipv6-frag.",
        "egress  | IPv4 | 60   |    |    |   |   |   | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol 60.",
        // two remotes
        "ingress | IPv4 | tcp  | 22 | 22 | 10.0.0.0/8 | g1 |    | SecurityGroupMultipleRemoteEntites | Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.",
        "ingress | IPv4 | tcp  | 22 | 22 | 0.0.0.0/0  |    | a1 | SecurityGroupMultipleRemoteEntites | Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.",
        "ingress | IPv6 |      |    |    |            | g1 | a1 | SecurityGroupMultipleRemoteEntites | Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.",
        // Neutron's order: the API layer before the plugin, and within each layer its own order
        "sideways | IPv9 | foo | -5 | 0 | nope | g1 | a1 | HTTPBadRequest | Invalid input for direction. Reason: sideways is not in valid_values.",
        "ingress | IPv9 | foo  | -5 | 0 | nope | g1 | a1 | SecurityGroupRuleInvalidProtocol | Security group rule protocol foo not supported. Only protocol values {P} and integer representations [0 to 255] are supported.",
        "ingress | IPv9 | tcp  | -5 | 0 | nope | g1 | a1 | SecurityGroupInvalidPortValue | Invalid value for port -5",
        "ingress | IPv9 | tcp  | 5  | 0 | nope | g1 | a1 | SecurityGroupRuleInvalidEtherType | Security group rule for ethertype 'IPv9' not supported. Allowed values are ['IPv4', 'IPv6'].",
        "ingress | IPv4 | tcp  | 5  | 0 | nope | g1 | a1 | InvalidCIDR | Invalid CIDR nope given as IP prefix.",
        "ingress | IPv4 | tcp  | 5  | 0 | ::/0 | g1 | a1 | SecurityGroupInvalidPortValue | Invalid value for port 0",
        "ingress | IPv4 | 58   | 5  | 1 | ::/0 | g1 | a1 | SecurityGroupRuleParameterConflict | Conflicting value ethertype IPv4 for CIDR ::/0",
        "ingress | IPv4 | 58   | 5  | 1 | 1.2.3.4 | g1 | a1 | SecurityGroupEthertypeConflictWithProtocol | Invalid ethertype IPv4 for protocol 58.",
    })
    void rejectsWithNeutronTypeAndMessage(String direction, String ethertype, String protocol, Integer min,
            Integer max, String prefix, String remoteGroup, String remoteAddressGroup, String type, String message) {
        RuleRequest request = new RuleRequest(direction, ethertype, protocol, min, max, prefix, remoteGroup,
                remoteAddressGroup, null, SG);
        RuleRejection rejection = assertThrows(RuleRejection.class, () -> normaliser.normalise(request));
        assertEquals(type, rejection.type());
        assertEquals(message.replace("{P}", PROTOCOLS), rejection.message());
        assertEquals(400, rejection.status());
    }

    @Test
    void securityGroupIdIsRequiredAndBounded() {
        RuleRejection missing = assertThrows(RuleRejection.class, () -> normaliser.normalise(
                new RuleRequest(null, null, null, null, null, null, null, null, null, null)));
        assertEquals("Failed to parse request. Required attribute 'security_group_id' not specified",
                missing.message());
        assertEquals("HTTPBadRequest", missing.type());
        String longId = "x".repeat(37);
        RuleRejection tooLong = assertThrows(RuleRejection.class, () -> normaliser.normalise(
                new RuleRequest("ingress", null, null, null, null, null, null, null, null, longId)));
        assertEquals("Invalid input for security_group_id. Reason: '" + longId + "' exceeds maximum length of 36.",
                tooLong.message());
        assertEquals(400, tooLong.status());
    }

    @Test
    void descriptionIsLimitedTo255Characters() {
        String tooLong = "d".repeat(256);
        RuleRejection rejection = assertThrows(RuleRejection.class, () -> normaliser.normalise(
                new RuleRequest("ingress", null, null, null, null, null, null, null, tooLong, SG)));
        assertEquals("HTTPBadRequest", rejection.type());
        assertEquals("Invalid input for description. Reason: '" + tooLong + "' exceeds maximum length of 255.",
                rejection.message());
        // 255 characters pass, counted as Python does (code points, not UTF-16 units)
        String emoji = "\uD83D\uDD12".repeat(255);
        assertEquals(emoji, normaliser.normalise(
                new RuleRequest("ingress", null, null, null, null, null, null, null, emoji, SG)).description());
        assertEquals(255, normaliser.normalise(new RuleRequest("ingress", null, null, null, null, null, null, null,
                "d".repeat(255), SG)).description().length());
    }

    @Test
    void bulkRulesMustTargetOneGroup() {
        RuleRequest a = TestRules.req("ingress", null, "tcp", 22, 22, null);
        RuleRequest b = a.withSecurityGroupId("another-group");
        RuleRejection rejection = assertThrows(RuleRejection.class, () -> normaliser.normaliseBulk(List.of(a, b)));
        assertEquals("SecurityGroupNotSingleGroupRules", rejection.type());
        assertEquals("Only allowed to update rules for one security profile at a time", rejection.message());
        assertEquals(400, rejection.status());
        RuleRejection empty = assertThrows(RuleRejection.class, () -> normaliser.normaliseBulk(List.of()));
        assertEquals("Resources required", empty.message());
    }

    @Test
    void bulkChecksEveryItemsAttributesBeforeTheSingleGroupRule() {
        RuleRequest good = TestRules.req("ingress", null, "tcp", 22, 22, null);
        RuleRequest badSyntax = new RuleRequest("ingress", null, "foo", null, null, null, null, null, null, "g2");
        RuleRejection rejection = assertThrows(RuleRejection.class,
                () -> normaliser.normaliseBulk(List.of(good, badSyntax)));
        assertEquals("SecurityGroupRuleInvalidProtocol", rejection.type());
        RuleRequest badPorts = TestRules.req("ingress", null, "tcp", 9, 8, null).withSecurityGroupId("g2");
        assertEquals("SecurityGroupNotSingleGroupRules", assertThrows(RuleRejection.class,
                () -> normaliser.normaliseBulk(List.of(good, badPorts))).type());
    }
}

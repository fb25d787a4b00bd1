package io.accessplane.secgroup.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's IP protocol vocabulary (neutron-lib {@code constants.IP_PROTOCOL_MAP} and friends):
 * names, numbers and the name/number pairs that duplicate detection compares.
 */
public final class IpProtocols {

    /** Name to number, in neutron-lib's declaration order (which Neutron's error text shows). */
    public static final Map<String, Integer> NAME_TO_NUMBER;

    /** Protocols whose rules may carry a port range (neutron {@code SG_PORT_PROTO_NUMS}). */
    public static final Set<Integer> PORT_PROTOCOLS = Set.of(33, 132, 6, 17, 136);

    /** IPv4 ICMP. */
    public static final int ICMP = 1;

    /** IPv6 ICMP. */
    public static final int IPV6_ICMP = 58;

    /** Protocol names and numbers Neutron refuses with ethertype IPv4. */
    public static final Set<String> IPV6_ONLY = Set.of(
            "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route",
            "41", "44", "58", "59", "60", "43");

    private static final Map<String, String> NUMBER_TO_NAME;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ah", 51);
        m.put("dccp", 33);
        m.put("egp", 8);
        m.put("esp", 50);
        m.put("gre", 47);
        m.put("hopopt", 0);
        m.put("icmp", 1);
        m.put("igmp", 2);
        m.put("ip", 0);
        m.put("ipip", 4);
        m.put("ipv6-encap", 41);
        m.put("ipv6-frag", 44);
        m.put("ipv6-icmp", 58);
        m.put("icmpv6", 58);
        m.put("ipv6-nonxt", 59);
        m.put("ipv6-opts", 60);
        m.put("ipv6-route", 43);
        m.put("ospf", 89);
        m.put("pgm", 113);
        m.put("rsvp", 46);
        m.put("sctp", 132);
        m.put("tcp", 6);
        m.put("udp", 17);
        m.put("udplite", 136);
        m.put("vrrp", 112);
        NAME_TO_NUMBER = Collections.unmodifiableMap(m);
        // IP_PROTOCOL_NUM_TO_NAME_MAP: a dict comprehension without the legacy 'icmpv6', so a later
        // name wins for a shared number: '0' -> 'ip' (not 'hopopt'), '58' -> 'ipv6-icmp'.
        Map<String, String> reverse = new HashMap<>();
        m.forEach((name, number) -> {
            if (!name.equals("icmpv6")) {
                reverse.put(String.valueOf(number), name);
            }
        });
        NUMBER_TO_NAME = Collections.unmodifiableMap(reverse);
    }

    private IpProtocols() {
    }

    /**
     * The number a stored protocol value stands for (Neutron {@code _get_ip_proto_number}), or null
     * for "any" (null). Throws IllegalArgumentException for a value that is neither a name nor a number.
     */
    public static Integer number(String protocol) {
        if (protocol == null || protocol.equals("any")) {
            return null;
        }
        Integer byName = NAME_TO_NUMBER.get(protocol);
        if (byName != null) {
            return byName;
        }
        var parsed = DecimalText.parse(protocol);
        if (parsed == null || parsed.signum() < 0 || parsed.bitLength() > 31) {
            throw new IllegalArgumentException("unknown IP protocol '" + protocol + "'");
        }
        return parsed.intValue();
    }

    /**
     * The [name, number] pair Neutron's duplicate check compares ({@code _get_ip_proto_name_and_num}),
     * or null for "any". With IPv6, {@code icmp}/{@code icmpv6} count as {@code ipv6-icmp} and
     * {@code 1} as {@code 58}. Unknown values pair with themselves.
     */
    public static List<String> nameAndNumber(String protocol, String ethertype) {
        if (protocol == null || protocol.equals("any")) {
            return null;
        }
        String p = protocol;
        if (NormalizedRule.IPV6.equals(ethertype)) {
            if (p.equals("icmp") || p.equals("icmpv6")) {
                p = "ipv6-icmp";
            } else if (p.equals("1")) {
                p = "58";
            }
        }
        Integer number = NAME_TO_NUMBER.get(p);
        if (number != null) {
            return List.of(p, String.valueOf(number));
        }
        String name = NUMBER_TO_NAME.get(p);
        if (name != null) {
            return List.of(name, p);
        }
        return List.of(p, p);
    }

    /**
     * Python's {@code repr} of Neutron's {@code sg_supported_protocols} tuple, as its
     * SecurityGroupRuleInvalidProtocol message prints it.
     */
    static String supportedProtocolsText() {
        StringBuilder sb = new StringBuilder("(None, 'any'");
        for (String name : NAME_TO_NUMBER.keySet()) {
            sb.append(", '").append(name).append('\'');
        }
        return sb.append(')').toString();
    }
}

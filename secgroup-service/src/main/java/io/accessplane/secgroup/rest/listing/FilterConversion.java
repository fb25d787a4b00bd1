package io.accessplane.secgroup.rest.listing;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * How a filter value from the query string becomes the value compared with the views: the
 * attribute's {@code convert_to} in Neutron's attribute map, or none.
 */
public enum FilterConversion {
    /** No {@code convert_to}: the string as given. */
    NONE,
    /** No {@code convert_to} on an integer column: Python {@code int()}, anything else matches nothing. */
    INTEGER,
    /** neutron-lib {@code convert_to_boolean}. */
    BOOLEAN,
    /** neutron-lib {@code convert_to_boolean_if_not_none} (same thing for query strings). */
    BOOLEAN_IF_NOT_NONE,
    /** neutron {@code convert_protocol}. */
    PROTOCOL,
    /** neutron {@code convert_validate_port_value}. */
    PORT,
    /** neutron {@code convert_ethertype_to_case_insensitive}. */
    ETHERTYPE,
    /** neutron {@code convert_ip_prefix_to_cidr}. */
    IP_PREFIX;

    /** A converted value that equals nothing (a non-integer compared with an integer column). */
    public static final Object NO_MATCH = new Object() {
        @Override
        public String toString() {
            return "NO_MATCH";
        }
    };

    /** neutron {@code sg_supported_protocols}: SG_RULE_PROTO_ANY + IP_PROTOCOL_MAP keys, in order. */
    static final List<String> SUPPORTED_PROTOCOLS = List.of("any", "ah", "dccp", "egp", "esp", "gre",
            "hopopt", "icmp", "igmp", "ip", "ipip", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6",
            "ipv6-nonxt", "ipv6-opts", "ipv6-route", "ospf", "pgm", "rsvp", "sctp", "tcp", "udp", "udplite",
            "vrrp");

    /** Python's repr of that tuple (it starts with None), as the protocol error prints it. */
    static final String SUPPORTED_PROTOCOLS_TEXT =
            "(None, " + PythonText.reprList(SUPPORTED_PROTOCOLS).substring(1).replaceFirst("]$", ")");

    private static final List<String> TRUE_STRINGS = List.of("1", "t", "true", "on", "y", "yes");
    private static final List<String> FALSE_STRINGS = List.of("0", "f", "false", "off", "n", "no");

    /**
     * Converts one raw value; the result is a String, Boolean, Long, null (matches null) or
     * {@link #NO_MATCH}.
     *
     * @throws ListQueryRejection with the converter's own error, as Neutron raises it
     */
    Object convert(String raw) {
        return switch (this) {
            case NONE -> raw;
            case INTEGER -> integerOrNoMatch(raw);
            case BOOLEAN, BOOLEAN_IF_NOT_NONE -> toBoolean(raw);
            case PROTOCOL -> protocol(raw);
            case PORT -> port(raw);
            case ETHERTYPE -> ethertype(raw);
            case IP_PREFIX -> ipPrefix(raw);
        };
    }

    private static Object integerOrNoMatch(String raw) {
        BigInteger value = PythonText.parseInt(raw);
        return value != null && value.bitLength() < 64 ? (Object) value.longValue() : NO_MATCH;
    }

    /** oslo.utils {@code bool_from_string(strict=True)}: stripped, lower-cased, six spellings each. */
    private static Boolean toBoolean(String raw) {
        String lowered = PythonText.strip(raw).toLowerCase(Locale.ROOT);
        if (TRUE_STRINGS.contains(lowered)) {
            return Boolean.TRUE;
        }
        if (FALSE_STRINGS.contains(lowered)) {
            return Boolean.FALSE;
        }
        throw ListQueryRejection.notBoolean(raw);
    }

    private static String protocol(String raw) {
        if (raw.equals("any")) {
            return null;
        }
        BigInteger number = PythonText.parseInt(raw);
        if (number != null) {
            if (number.signum() >= 0 && number.compareTo(BigInteger.valueOf(255)) <= 0) {
                return raw;
            }
            throw ListQueryRejection.invalidProtocol(raw);
        }
        String lowered = raw.toLowerCase(Locale.ROOT);
        if (SUPPORTED_PROTOCOLS.contains(lowered)) {
            return lowered;
        }
        throw ListQueryRejection.invalidProtocol(raw);
    }

    private static Long port(String raw) {
        BigInteger number = PythonText.parseInt(raw);
        if (number != null && number.signum() >= 0 && number.compareTo(BigInteger.valueOf(65535)) <= 0) {
            return number.longValue();
        }
        throw ListQueryRejection.invalidPort(raw);
    }

    private static String ethertype(String raw) {
        for (String ethertype : List.of("IPv4", "IPv6")) {
            if (ethertype.toLowerCase(Locale.ROOT).equals(raw.toLowerCase(Locale.ROOT))) {
                return ethertype;
            }
        }
        throw ListQueryRejection.invalidEthertype(raw);
    }

    private static String ipPrefix(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        io.accessplane.secgroup.rules.IpPrefix cidr = io.accessplane.secgroup.rules.IpPrefix.tryParse(raw);
        if (cidr == null) {
            throw ListQueryRejection.invalidCidr(raw);
        }
        return cidr.toString();
    }
}

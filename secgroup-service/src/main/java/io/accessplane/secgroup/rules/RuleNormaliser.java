package io.accessplane.secgroup.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a {@link RuleRequest} and turns it into the {@link NormalizedRule} Neutron would store,
 * or throws the {@link RuleRejection} Neutron would answer with.
 *
 * <p>Checks run in Neutron's order: first the API layer (required attributes, then each attribute's
 * converter/validator in attribute-map order: security_group_id, direction, protocol,
 * port_range_min, port_range_max, ethertype, remote_ip_prefix, description), then the plugin's
 * {@code _validate_base_security_group_rule_attributes}: IPv6 ICMP canonicalisation, 1-65535 to
 * null, port range, prefix family, ethertype/protocol, one remote at most.
 *
 * <p>Not checked here (they need storage): that the parent group, remote group and remote address
 * group exist (Neutron: 404), duplicates (see {@link RuleDuplicates}) and quotas.
 */
public final class RuleNormaliser {

    static final int DESCRIPTION_MAX = 255;
    static final int UUID_MAX = 36;

    /** Normalises one rule (POST {@code security_group_rule}). */
    public NormalizedRule normalise(RuleRequest request) {
        return validate(convert(request));
    }

    /**
     * Normalises a bulk POST ({@code security_group_rules}): every item passes the API layer first,
     * then all must target one group, then each is validated. Duplicates are not checked here.
     */
    public List<NormalizedRule> normaliseBulk(List<RuleRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw new RuleRejection("HTTPBadRequest", 400, "Resources required");
        }
        List<Converted> converted = new ArrayList<>(requests.size());
        for (RuleRequest request : requests) {
            converted.add(convert(request));
        }
        Set<String> groups = new HashSet<>();
        for (Converted c : converted) {
            groups.add(c.securityGroupId);
            if (groups.size() > 1) {
                throw RuleRejection.notSingleGroup();
            }
        }
        List<NormalizedRule> out = new ArrayList<>(converted.size());
        for (Converted c : converted) {
            out.add(validate(c));
        }
        return out;
    }

    // ---- API layer -------------------------------------------------------------------------

    private Converted convert(RuleRequest r) {
        if (r == null) {
            throw new RuleRejection("HTTPBadRequest", 400, "Unable to find 'security_group_rule' in request body");
        }
        if (r.securityGroupId() == null) {
            throw RuleRejection.requiredAttribute("security_group_id");
        }
        if (r.direction() == null) {
            throw RuleRejection.requiredAttribute("direction");
        }
        Converted c = new Converted();
        c.securityGroupId = r.securityGroupId();
        if (codePoints(c.securityGroupId) > UUID_MAX) {
            throw RuleRejection.tooLong("security_group_id", c.securityGroupId, UUID_MAX);
        }
        c.remoteGroupId = emptyToNull(r.remoteGroupId());
        if (!NormalizedRule.INGRESS.equals(r.direction()) && !NormalizedRule.EGRESS.equals(r.direction())) {
            throw RuleRejection.notInValues("direction", r.direction());
        }
        c.direction = r.direction();
        c.protocol = convertProtocol(r.protocol());
        c.portRangeMin = convertPort(r.portRangeMin());
        c.portRangeMax = convertPort(r.portRangeMax());
        c.ethertype = convertEthertype(r.ethertype());
        c.remoteIpPrefix = convertPrefix(r.remoteIpPrefix());
        c.description = r.description() == null ? "" : r.description();
        if (codePoints(c.description) > DESCRIPTION_MAX) {
            throw RuleRejection.tooLong("description", c.description, DESCRIPTION_MAX);
        }
        c.remoteAddressGroupId = emptyToNull(r.remoteAddressGroupId());
        return c;
    }

    /**
     * neutron {@code convert_protocol}: null/"any" mean any; a number must be 0-255; a name is
     * matched case-insensitively and stored in lower case.
     */
    static String convertProtocol(String value) {
        if (value == null || value.equals("any")) {
            return null;
        }
        BigInteger number = DecimalText.parse(value);
        if (number != null) {
            boolean inRange = number.signum() >= 0 && number.compareTo(BigInteger.valueOf(255)) <= 0;
            // Neutron accepts e.g. "06" or " 6" here but then fails to store them (its DB enum holds
            // names and "0".."255" only, so the API answers 500): refuse them cleanly instead.
            if (inRange && DecimalText.isCanonical(value)) {
                return value;
            }
            throw RuleRejection.invalidProtocol(value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("any")) {
            return null; // "ANY": Neutron would try to store "any" and fail; treat it as the alias it is
        }
        if (IpProtocols.NAME_TO_NUMBER.containsKey(lower)) {
            return lower;
        }
        throw RuleRejection.invalidProtocol(value);
    }

    /** neutron {@code convert_validate_port_value}: 0-65535 (oslo {@code is_valid_port}). */
    private static Integer convertPort(Integer port) {
        if (port != null && (port < 0 || port > 65535)) {
            throw RuleRejection.invalidPortValue(port);
        }
        return port;
    }

    /** neutron {@code convert_ethertype_to_case_insensitive}; absent means IPv4. */
    private static String convertEthertype(String value) {
        if (value == null) {
            return NormalizedRule.IPV4;
        }
        if (value.equalsIgnoreCase(NormalizedRule.IPV4)) {
            return NormalizedRule.IPV4;
        }
        if (value.equalsIgnoreCase(NormalizedRule.IPV6)) {
            return NormalizedRule.IPV6;
        }
        throw RuleRejection.invalidEthertype(value);
    }

    /** neutron {@code convert_ip_prefix_to_cidr}: {@code str(netaddr.IPNetwork(value))}. */
    private static IpPrefix convertPrefix(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        IpPrefix prefix = IpPrefix.tryParse(value);
        if (prefix == null) {
            throw RuleRejection.invalidCidr(value);
        }
        return prefix;
    }

    // ---- plugin layer ----------------------------------------------------------------------

    private NormalizedRule validate(Converted c) {
        canonicaliseIpv6Icmp(c);
        if (c.portRangeMin != null && c.portRangeMin == 1 && c.portRangeMax != null && c.portRangeMax == 65535) {
            c.portRangeMin = null;
            c.portRangeMax = null;
        }
        validatePortRange(c);
        if (c.remoteIpPrefix != null && !c.ethertype.equals("IPv" + c.remoteIpPrefix.version())) {
            throw RuleRejection.parameterConflict(c.ethertype, c.remoteIpPrefix.toString());
        }
        if (NormalizedRule.IPV4.equals(c.ethertype) && c.protocol != null
                && IpProtocols.IPV6_ONLY.contains(c.protocol)) {
            throw RuleRejection.ethertypeConflictWithProtocol(c.ethertype, c.protocol);
        }
        int remotes = (c.remoteIpPrefix != null ? 1 : 0) + (c.remoteGroupId != null ? 1 : 0)
                + (c.remoteAddressGroupId != null ? 1 : 0);
        if (remotes > 1) {
            throw RuleRejection.multipleRemotes();
        }
        return new NormalizedRule(
                c.securityGroupId,
                c.direction,
                c.ethertype,
                c.protocol,
                c.portRangeMin,
                c.portRangeMax,
                c.remoteIpPrefix == null ? null : c.remoteIpPrefix.toString(),
                c.remoteIpPrefix == null ? null : c.remoteIpPrefix.network().toString(),
                c.remoteGroupId,
                c.remoteAddressGroupId,
                c.description);
    }

    /** {@code _make_canonical_ipv6_icmp_protocol}: with IPv6, icmp/icmpv6 become ipv6-icmp and 1 becomes 58. */
    private static void canonicaliseIpv6Icmp(Converted c) {
        if (NormalizedRule.IPV6.equals(c.ethertype) && c.protocol != null) {
            if (c.protocol.equals("icmp") || c.protocol.equals("icmpv6")) {
                c.protocol = "ipv6-icmp";
            } else if (c.protocol.equals("1")) {
                c.protocol = "58";
            }
        }
    }

    /** {@code _validate_port_range}. */
    private static void validatePortRange(Converted c) {
        Integer min = c.portRangeMin;
        Integer max = c.portRangeMax;
        if (min == null && max == null) {
            return;
        }
        if (c.protocol == null) {
            throw RuleRejection.protocolRequiredWithPorts();
        }
        int number = IpProtocols.number(c.protocol);
        if (IpProtocols.PORT_PROTOCOLS.contains(number)) {
            if (Integer.valueOf(0).equals(min) || Integer.valueOf(0).equals(max)) {
                throw RuleRejection.invalidPortValue(0);
            }
            if (min == null || max == null || min > max) {
                throw RuleRejection.invalidPortRange();
            }
        } else if (number == IpProtocols.ICMP || number == IpProtocols.IPV6_ICMP) {
            if (min != null && min > 255) {
                throw RuleRejection.invalidIcmpValue("type", "port_range_min", min);
            }
            if (max != null && max > 255) {
                throw RuleRejection.invalidIcmpValue("code", "port_range_max", max);
            }
            if (min == null) {
                throw RuleRejection.missingIcmpType(max);
            }
        } else {
            throw RuleRejection.invalidProtocolForPort(number);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The request after the API layer's converters ran. */
    private static final class Converted {
        String securityGroupId;
        String remoteGroupId;
        String direction;
        String protocol;
        Integer portRangeMin;
        Integer portRangeMax;
        String ethertype;
        IpPrefix remoteIpPrefix;
        String description;
        String remoteAddressGroupId;
    }
}

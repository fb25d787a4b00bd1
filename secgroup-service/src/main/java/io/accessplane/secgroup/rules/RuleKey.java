package io.accessplane.secgroup.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The comparison key of Neutron's duplicate-rule check ({@code _rule_to_key} in
 * {@code neutron/db/securitygroups_db.py}): two rules are duplicates exactly when their keys are equal.
 *
 * <p>Each component is the string Neutron builds for that field: {@code "+"} for null; for
 * {@code remote_ip_prefix} also {@code "+"} for {@code 0.0.0.0/0} and {@code ::/0}; the protocol as
 * its Python-printed [name, number] pair. The description, ids and {@code normalized_cidr} are not
 * part of the key; {@code remote_ip_prefix} is compared as stored, host bits included.
 */
public record RuleKey(
        String direction,
        String ethertype,
        String portRangeMax,
        String portRangeMin,
        String protocol,
        String remoteGroupId,
        String remoteAddressGroupId,
        String remoteIpPrefix,
        String securityGroupId) {

    private static final String NONE = "+";

    /** Builds the key of a stored rule. */
    public static RuleKey of(NormalizedRule rule) {
        return new RuleKey(
                plain(rule.direction()),
                plain(rule.ethertype()),
                plain(rule.portRangeMax()),
                plain(rule.portRangeMin()),
                protocol(rule.protocol(), rule.ethertype()),
                plain(rule.remoteGroupId()),
                plain(rule.remoteAddressGroupId()),
                prefix(rule.remoteIpPrefix()),
                plain(rule.securityGroupId()));
    }

    /** The key as Neutron's single string, fields joined by {@code _}. */
    public String toNeutronString() {
        return String.join("_", direction, ethertype, portRangeMax, portRangeMin, protocol, remoteGroupId,
                remoteAddressGroupId, remoteIpPrefix, securityGroupId);
    }

    private static String plain(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static String prefix(String value) {
        if (value == null || value.equals("0.0.0.0/0") || value.equals("::/0")) {
            return NONE;
        }
        return value;
    }

    private static String protocol(String value, String ethertype) {
        if (value == null) {
            return NONE;
        }
        List<String> pair = IpProtocols.nameAndNumber(value, ethertype);
        if (pair == null) {
            return "None";
        }
        return pair.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}

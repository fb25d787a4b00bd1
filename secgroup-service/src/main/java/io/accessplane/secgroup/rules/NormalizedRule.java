package io.accessplane.secgroup.rules;

import java.util.Objects;

/**
 * A validated rule exactly as Neutron stores and returns it (without id, project and timestamps).
 *
 * @param securityGroupId       the owning group
 * @param direction             {@code ingress} or {@code egress}
 * @param ethertype             {@code IPv4} or {@code IPv6}
 * @param protocol              null for any; a lower-case name, or a decimal number 0-255 as text,
 *                              as the client gave it (IPv6 ICMP forced to {@code ipv6-icmp}/{@code 58})
 * @param portRangeMin          first port or ICMP type; null for all (1-65535 is stored as null/null)
 * @param portRangeMax          last port or ICMP code; null for all
 * @param remoteIpPrefix        the prefix as given, always with a length, host bits kept
 * @param normalizedCidr        read-only: {@code remoteIpPrefix} with host bits cleared, or null
 * @param remoteGroupId         remote security group, or null
 * @param remoteAddressGroupId  remote address group, or null
 * @param description           the description; {@code ""} when none was given
 */
public record NormalizedRule(
        String securityGroupId,
        String direction,
        String ethertype,
        String protocol,
        Integer portRangeMin,
        Integer portRangeMax,
        String remoteIpPrefix,
        String normalizedCidr,
        String remoteGroupId,
        String remoteAddressGroupId,
        String description) {

    /** Direction of traffic entering the port. */
    public static final String INGRESS = "ingress";
    /** Direction of traffic leaving the port. */
    public static final String EGRESS = "egress";
    /** Ethertype IPv4. */
    public static final String IPV4 = "IPv4";
    /** Ethertype IPv6. */
    public static final String IPV6 = "IPv6";

    /** Requires direction and ethertype. */
    public NormalizedRule {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ethertype, "ethertype");
        description = description == null ? "" : description;
    }

    /** The protocol number (name resolved), or null when the rule matches any protocol. */
    public Integer protocolNumber() {
        return IpProtocols.number(protocol);
    }

    /** The key under which Neutron detects duplicates of this rule. */
    public RuleKey key() {
        return RuleKey.of(this);
    }

    /** This rule as a client request that Neutron would store unchanged. */
    public RuleRequest toRequest() {
        return new RuleRequest(direction, ethertype, protocol, portRangeMin, portRangeMax, remoteIpPrefix,
                remoteGroupId, remoteAddressGroupId, description, securityGroupId);
    }
}

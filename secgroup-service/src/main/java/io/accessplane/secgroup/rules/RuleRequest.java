package io.accessplane.secgroup.rules;

/**
 * One security group rule exactly as a client sent it (the body of {@code security_group_rule}),
 * before any validation or normalisation. Any field may be null; null means "not given".
 *
 * @param direction             {@code ingress} or {@code egress} (required)
 * @param ethertype             {@code IPv4} (default) or {@code IPv6}, any case
 * @param protocol              a protocol name, a number 0-255 as text, {@code any}, or null
 * @param portRangeMin          first port, or the ICMP type
 * @param portRangeMax          last port, or the ICMP code
 * @param remoteIpPrefix        an address or CIDR
 * @param remoteGroupId         a security group id
 * @param remoteAddressGroupId  an address group id
 * @param description           free text, up to 255 characters
 * @param securityGroupId       the group the rule belongs to (required)
 */
public record RuleRequest(
        String direction,
        String ethertype,
        String protocol,
        Integer portRangeMin,
        Integer portRangeMax,
        String remoteIpPrefix,
        String remoteGroupId,
        String remoteAddressGroupId,
        String description,
        String securityGroupId) {

    /** The same request for another security group. */
    public RuleRequest withSecurityGroupId(String groupId) {
        return new RuleRequest(direction, ethertype, protocol, portRangeMin, portRangeMax, remoteIpPrefix,
                remoteGroupId, remoteAddressGroupId, description, groupId);
    }

    /** The same request with another description. */
    public RuleRequest withDescription(String text) {
        return new RuleRequest(direction, ethertype, protocol, portRangeMin, portRangeMax, remoteIpPrefix,
                remoteGroupId, remoteAddressGroupId, text, securityGroupId);
    }
}

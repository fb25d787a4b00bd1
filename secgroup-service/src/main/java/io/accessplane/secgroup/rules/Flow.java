package io.accessplane.secgroup.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One packet crossing a port, as seen from that port, to be judged by {@link RuleEvaluator}.
 *
 * @param direction       {@code ingress} (towards the port) or {@code egress} (from the port)
 * @param ethertype       {@code IPv4} or {@code IPv6} (any case)
 * @param protocol        a protocol name or number as text ({@code tcp}, {@code 6}, {@code icmp}, ...);
 *                        null when unknown, which only rules for any protocol match
 * @param port            this packet's destination port (TCP, UDP, SCTP, DCCP, UDP-Lite), or null
 * @param sourcePort      this packet's source port, or null; only needed for replies, whose
 *                        original connection was addressed to it
 * @param icmpType        the ICMP type for ICMP/ICMPv6, or null
 * @param icmpCode        the ICMP code, or null
 * @param remoteAddress   the address of the other end (source for ingress, destination for egress), or null
 * @param remoteGroupIds  ids of the security groups and address groups the other end belongs to
 * @param reply           true when this packet answers a connection the other side started
 *                        (for ingress: one the port opened with an egress packet, and vice versa)
 */
public record Flow(
        String direction,
        String ethertype,
        String protocol,
        Integer port,
        Integer sourcePort,
        Integer icmpType,
        Integer icmpCode,
        String remoteAddress,
        Set<String> remoteGroupIds,
        boolean reply) {

    /** ICMP request type to its reply type, both ways (Linux conntrack's ICMP and ICMPv6 inverse maps). */
    private static final Map<Integer, Integer> ICMP_INVERSE = Map.of(8, 0, 0, 8, 13, 14, 14, 13, 15, 16, 16, 15,
            17, 18, 18, 17);
    private static final Map<Integer, Integer> ICMPV6_INVERSE = Map.of(128, 129, 129, 128, 139, 140, 140, 139);

    /** Checks the fields and puts the ethertype in Neutron's case. */
    public Flow {
        if (!NormalizedRule.INGRESS.equals(direction) && !NormalizedRule.EGRESS.equals(direction)) {
            throw new IllegalArgumentException("direction must be ingress or egress, not " + direction);
        }
        if (NormalizedRule.IPV4.equalsIgnoreCase(ethertype)) {
            ethertype = NormalizedRule.IPV4;
        } else if (NormalizedRule.IPV6.equalsIgnoreCase(ethertype)) {
            ethertype = NormalizedRule.IPV6;
        } else {
            throw new IllegalArgumentException("ethertype must be IPv4 or IPv6, not " + ethertype);
        }
        if (protocol != null) {
            protocol = protocol.toLowerCase(Locale.ROOT);
            IpProtocols.number(protocol);
        }
        if (remoteAddress != null) {
            IpAddress address = IpAddress.parse(remoteAddress);
            if (!ethertype.equals("IPv" + address.version())) {
                throw new IllegalArgumentException(remoteAddress + " is not an " + ethertype + " address");
            }
        }
        remoteGroupIds = remoteGroupIds == null ? Set.of() : Set.copyOf(remoteGroupIds);
    }

    /** A first packet of a TCP/UDP-like flow to {@code port}, with no groups. */
    public static Flow of(String direction, String ethertype, String protocol, Integer port, String remoteAddress) {
        return new Flow(direction, ethertype, protocol, port, null, null, null, remoteAddress, Set.of(), false);
    }

    /** An ICMP (IPv4) or ICMPv6 (IPv6) packet of the given type and code. */
    public static Flow icmp(String direction, String ethertype, Integer type, Integer code, String remoteAddress) {
        String protocol = NormalizedRule.IPV6.equalsIgnoreCase(ethertype) ? "ipv6-icmp" : "icmp";
        return new Flow(direction, ethertype, protocol, null, null, type, code, remoteAddress, Set.of(), false);
    }

    /** The same packet with another source port. */
    public Flow withSourcePort(Integer newSourcePort) {
        return new Flow(direction, ethertype, protocol, port, newSourcePort, icmpType, icmpCode, remoteAddress,
                remoteGroupIds, reply);
    }

    /** The same packet from an endpoint that belongs to these groups. */
    public Flow withRemoteGroups(Set<String> groupIds) {
        return new Flow(direction, ethertype, protocol, port, sourcePort, icmpType, icmpCode, remoteAddress,
                groupIds, reply);
    }

    /**
     * The packet that answers this one: opposite direction, ports swapped, ICMP requests turned into
     * their replies (echo, timestamp, information, address mask; ICMPv6 echo and node information),
     * flagged as a reply.
     */
    public Flow replyPacket() {
        return new Flow(opposite(direction), ethertype, protocol, sourcePort, port, inverseIcmpType(), icmpCode,
                remoteAddress, remoteGroupIds, true);
    }

    /** For a reply, the first packet of the connection it answers (the inverse of {@link #replyPacket()}). */
    public Flow originalPacket() {
        return new Flow(opposite(direction), ethertype, protocol, sourcePort, port, inverseIcmpType(), icmpCode,
                remoteAddress, remoteGroupIds, false);
    }

    /** The protocol number (IPv6 ICMP given as icmp/1 counts as 58), or null when unknown. */
    public Integer protocolNumber() {
        Integer number = IpProtocols.number(protocol);
        if (number != null && number == IpProtocols.ICMP && NormalizedRule.IPV6.equals(ethertype)) {
            return IpProtocols.IPV6_ICMP;
        }
        return number;
    }

    /** The remote address, parsed, or null. */
    public IpAddress remoteIp() {
        return remoteAddress == null ? null : IpAddress.parse(remoteAddress);
    }

    private Integer inverseIcmpType() {
        if (icmpType == null) {
            return null;
        }
        Integer number = protocolNumber();
        Map<Integer, Integer> inverse = Objects.equals(number, IpProtocols.IPV6_ICMP) ? ICMPV6_INVERSE
                : Objects.equals(number, IpProtocols.ICMP) ? ICMP_INVERSE : Map.of();
        return inverse.getOrDefault(icmpType, icmpType);
    }

    private static String opposite(String direction) {
        return NormalizedRule.INGRESS.equals(direction) ? NormalizedRule.EGRESS : NormalizedRule.INGRESS;
    }
}

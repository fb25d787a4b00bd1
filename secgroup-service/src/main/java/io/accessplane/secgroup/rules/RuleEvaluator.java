package io.accessplane.secgroup.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the security groups of a port let a packet through, the way Neutron's firewall
 * drivers apply rules: everything is denied unless some rule of some group allows it.
 *
 * <p>A rule matches a packet when direction and ethertype are equal; its protocol is any (null, or
 * number 0, which iptables treats as "all") or the packet's protocol, names and numbers being
 * equivalent; the packet's destination port lies in the rule's range (a null range means all ports;
 * an unknown port matches only that); for ICMP the rule's type and code, when set, equal the packet's;
 * and the remote matches: the prefix contains the remote address (host bits of the prefix ignored),
 * or the remote end is a member of the remote group or remote address group, or the rule names no remote.
 *
 * <p>Stateful groups also let through a reply whose original packet ({@link Flow#originalPacket()})
 * one of their rules allows. Stateless groups don't track connections: a reply needs a rule of its own.
 * (Neutron refuses to put stateful and stateless groups on the same port; this evaluator does not check that.)
 */
public final class RuleEvaluator {

    /** Judges {@code flow} against the groups of one port. */
    public Decision evaluate(Flow flow, List<GroupRules> groups) {
        Set<String> direct = new LinkedHashSet<>();
        Set<String> directGroups = new LinkedHashSet<>();
        for (GroupRules group : groups) {
            for (RuleEntry entry : group.rules()) {
                if (matches(entry.rule(), flow)) {
                    direct.add(entry.id());
                    directGroups.add(group.groupId());
                }
            }
        }
        if (!flow.reply()) {
            return direct.isEmpty()
                    ? new Decision(false, List.of(), "denied: no rule matches (default deny)")
                    : new Decision(true, new ArrayList<>(direct), "allowed by group(s) " + directGroups);
        }
        Flow original = flow.originalPacket();
        Set<String> viaState = new LinkedHashSet<>();
        Set<String> statefulGroups = new LinkedHashSet<>();
        for (GroupRules group : groups) {
            if (!group.stateful()) {
                continue;
            }
            for (RuleEntry entry : group.rules()) {
                if (matches(entry.rule(), original)) {
                    viaState.add(entry.id());
                    statefulGroups.add(group.groupId());
                }
            }
        }
        List<String> all = new ArrayList<>(direct);
        viaState.stream().filter(id -> !direct.contains(id)).forEach(all::add);
        if (!statefulGroups.isEmpty()) {
            return new Decision(true, all, "allowed as reply: stateful group(s) " + statefulGroups
                    + " allow the original " + original.direction() + " packet");
        }
        if (!direct.isEmpty()) {
            return new Decision(true, all, "allowed by group(s) " + directGroups + " (reply matched on its own)");
        }
        boolean anyStateless = groups.stream().anyMatch(g -> !g.stateful());
        return new Decision(false, List.of(), anyStateless
                ? "denied: stateless groups do not track connections and no rule allows the reply itself"
                : "denied: no stateful group allows the original packet (default deny)");
    }

    /** True when {@code rule} allows {@code flow}. */
    public boolean matches(NormalizedRule rule, Flow flow) {
        return rule.direction().equals(flow.direction())
                && rule.ethertype().equals(flow.ethertype())
                && protocolMatches(rule, flow)
                && portsMatch(rule, flow)
                && remoteMatches(rule, flow);
    }

    private static boolean protocolMatches(NormalizedRule rule, Flow flow) {
        Integer wanted = rule.protocolNumber();
        if (wanted == null || wanted == 0) {
            return true;
        }
        return wanted.equals(flow.protocolNumber());
    }

    private static boolean portsMatch(NormalizedRule rule, Flow flow) {
        Integer min = rule.portRangeMin();
        Integer max = rule.portRangeMax();
        if (min == null && max == null) {
            return true;
        }
        Integer protocol = rule.protocolNumber();
        if (protocol != null && (protocol == IpProtocols.ICMP || protocol == IpProtocols.IPV6_ICMP)) {
            return (min == null || min.equals(flow.icmpType())) && (max == null || max.equals(flow.icmpCode()));
        }
        Integer port = flow.port();
        return port != null && (min == null || port >= min) && (max == null || port <= max);
    }

    private static boolean remoteMatches(NormalizedRule rule, Flow flow) {
        if (rule.remoteIpPrefix() != null) {
            IpAddress address = flow.remoteIp();
            return address != null && IpPrefix.parse(rule.remoteIpPrefix()).contains(address);
        }
        if (rule.remoteGroupId() != null) {
            return flow.remoteGroupIds().contains(rule.remoteGroupId());
        }
        if (rule.remoteAddressGroupId() != null) {
            return flow.remoteGroupIds().contains(rule.remoteAddressGroupId());
        }
        return true;
    }
}

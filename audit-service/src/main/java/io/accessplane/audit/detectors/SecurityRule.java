package io.accessplane.audit.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Neutron security group rule as events carry it, with the questions the exposure detectors
 * ask: is it ingress, is its remote the whole world, which protocols and ports does it cover.
 *
 * <p>Readings (Neutron semantics): protocol null, {@code "any"} or {@code "0"} is any protocol;
 * {@code tcp}/{@code 6} and {@code udp}/{@code 17}; port range null/null is every port, a minimum
 * without maximum is that single port. The remote is the world when it is {@code 0.0.0.0/0} or
 * {@code ::/0} (normalized), or when no remote prefix, group or address group is set at all.
 */
record SecurityRule(String id, String groupId, String projectId, String direction, String ethertype,
        String protocol, Integer portMin, Integer portMax, String remotePrefix, String remoteGroupId,
        String remoteAddressGroupId) {

    /** The protocol families the detectors distinguish. */
    enum ProtocolClass { ANY, TCP, UDP, OTHER_WITH_PORTS, OTHER }

    private static final Set<String> OTHER_PORTED = Set.of("sctp", "132", "dccp", "33", "udplite", "136");

    /** Reads a rule from its event state; empty without an id. */
    static Optional<SecurityRule> from(JsonNode n, String fallbackProject) {
        String id = EventView.textOf(n, "id");
        if (id == null) {
            return Optional.empty();
        }
        String project = EventView.textOf(n, "project_id");
        String prefix = EventView.textOf(n, "normalized_cidr") != null ? EventView.textOf(n, "normalized_cidr")
                : EventView.textOf(n, "remote_ip_prefix");
        return Optional.of(new SecurityRule(id, EventView.textOf(n, "security_group_id"),
                project != null ? project : fallbackProject, EventView.textOf(n, "direction"),
                EventView.textOf(n, "ethertype"), EventView.textOf(n, "protocol"), EventView.integerOf(n, "port_range_min"),
                EventView.integerOf(n, "port_range_max"), prefix, EventView.textOf(n, "remote_group_id"),
                EventView.textOf(n, "remote_address_group_id")));
    }

    /**
     * The rules an event brings into existence: a created rule, the rules of a created group (a
     * default group may carry template rules), or a created default-group template rule.
     */
    static List<SecurityRule> appearingIn(EventView e) {
        if (e.is("security_group_rule", "created") || e.is("default_security_group_rule", "created")) {
            return from(e.resource(), e.projectId()).map(List::of).orElse(List.of());
        }
        if (e.is("security_group", "created") || e.is("default_security_group", "created")) {
            return embedded(e);
        }
        return List.of();
    }

    /** The rules an event removes: a deleted rule, or every rule of a deleted group. */
    static List<SecurityRule> removedIn(EventView e) {
        if (e.is("security_group_rule", "deleted") || e.is("default_security_group_rule", "deleted")) {
            return from(e.resource(), e.projectId()).map(List::of).orElse(List.of());
        }
        if (e.is("security_group", "deleted")) {
            return embedded(e);
        }
        return List.of();
    }

    private static List<SecurityRule> embedded(EventView e) {
        List<SecurityRule> rules = new ArrayList<>();
        for (JsonNode n : e.resource().path("security_group_rules")) {
            from(n, e.projectId()).ifPresent(rules::add);
        }
        return rules;
    }

    boolean isIngress() {
        return "ingress".equalsIgnoreCase(direction);
    }

    /** Whether anyone on the Internet is the remote. */
    boolean isWorldOpen() {
        if (remoteGroupId != null || remoteAddressGroupId != null) {
            return false;
        }
        return remotePrefix == null || Cidr.parse(remotePrefix).map(Cidr::isWorld).orElse(false);
    }

    /** The world prefix of this rule's family, as text for details. */
    String worldCidr() {
        if (remotePrefix != null) {
            return remotePrefix;
        }
        return "IPv6".equalsIgnoreCase(ethertype) ? "::/0" : "0.0.0.0/0";
    }

    /** Whether this ingress rule admits the whole world: the precondition of D1-D4. */
    boolean isWorldIngress() {
        return isIngress() && isWorldOpen();
    }

    ProtocolClass protocolClass() {
        if (protocol == null) {
            return ProtocolClass.ANY;
        }
        String p = protocol.trim().toLowerCase(Locale.ROOT);
        switch (p) {
            case "", "any", "0":
                return ProtocolClass.ANY;
            case "tcp", "6":
                return ProtocolClass.TCP;
            case "udp", "17":
                return ProtocolClass.UDP;
            default:
                return OTHER_PORTED.contains(p) ? ProtocolClass.OTHER_WITH_PORTS : ProtocolClass.OTHER;
        }
    }

    /** Whether the protocol carries ports at all (any, tcp, udp, sctp, dccp, udplite). */
    boolean hasPorts() {
        return protocolClass() != ProtocolClass.OTHER;
    }

    /** Whether the rule covers every port (any protocol, or no range). */
    boolean allPorts() {
        return protocolClass() == ProtocolClass.ANY || (portMin == null && portMax == null);
    }

    /** The lowest port covered. */
    int lowPort() {
        if (allPorts()) {
            return 0;
        }
        return portMin != null ? portMin : 0;
    }

    /** The highest port covered. */
    int highPort() {
        if (allPorts()) {
            return 65535;
        }
        if (portMax != null) {
            return portMax;
        }
        return portMin;
    }

    /** The ports of the set this rule covers, ascending. */
    List<Integer> coveredOf(Set<Integer> ports) {
        List<Integer> out = new ArrayList<>();
        for (int p : new TreeSet<>(ports)) {
            if (p >= lowPort() && p <= highPort()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The lowest covered port that is not in the allowlist. */
    Optional<Integer> firstPortOutside(Set<Integer> allowed) {
        for (int p = lowPort(); p <= highPort(); p++) {
            if (!allowed.contains(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** {@code 22}, {@code 8000-8080} or {@code all}. */
    String portRangeText() {
        if (allPorts()) {
            return "all";
        }
        return lowPort() == highPort() ? String.valueOf(lowPort()) : lowPort() + "-" + highPort();
    }

    /** The protocol as written, {@code any} for null. */
    String protocolText() {
        return protocol == null ? "any" : protocol;
    }
}

package io.accessplane.audit.detectors;

/** The facts every security-group-rule finding shows: the rule, its group, and who made it from where. */
final class RuleFacts {
    private RuleFacts() {
    }

    static Facts of(SecurityRule r, EventView e) {
        return new Facts()
                .put("rule_id", r.id())
                .put("security_group_id", r.groupId())
                .put("direction", r.direction())
                .put("ethertype", r.ethertype())
                .put("protocol", r.protocolText())
                .put("port_range", r.portRangeText())
                .put("cidr", r.worldCidr())
                .put("event_type", e.raw().type())
                .put("actor", e.actor())
                .put("source_address", e.sourceAddress());
    }
}

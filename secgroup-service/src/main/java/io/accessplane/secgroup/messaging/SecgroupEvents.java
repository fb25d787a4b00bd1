package io.accessplane.secgroup.messaging;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.outbox.OutboxConfig;
import io.accessplane.platform.outbox.OutboxWriter;
import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRule;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security group service's events, written to the outbox in the current transaction: groups
 * and rules with their full normalised state, so the audit service can judge them.
 */
@ApplicationScoped
public class SecgroupEvents {

    private final OutboxWriter outbox;
    private final String source;

    public SecgroupEvents(OutboxWriter outbox, OutboxConfig config) {
        this.outbox = outbox;
        this.source = config.source();
    }

    /** A group was created, updated or deleted ({@code default_security_group} when made lazily). */
    public Uni<Void> group(Caller caller, String resource, String action, SecurityGroup g, List<SecurityGroupRule> rules) {
        Map<String, Object> state = groupState(g);
        if (rules != null) {
            state.put("security_group_rules", rules.stream().map(SecgroupEvents::ruleState).toList());
        }
        return append(caller, resource, action, new Target("security_group", g.id.toString(), g.name, g.projectId, null),
                state);
    }

    /** A rule was created, deleted, or had its description changed. */
    public Uni<Void> rule(Caller caller, String action, SecurityGroupRule r) {
        return append(caller, "security_group_rule", action,
                new Target("security_group_rule", r.id.toString(), null, r.projectId, null), ruleState(r));
    }

    /** A project's quota changed. */
    public Uni<Void> quota(Caller caller, String projectId, Map<String, Integer> limits) {
        return append(caller, "quota", "updated", new Target("quota", projectId, null, projectId, null),
                new LinkedHashMap<>(limits));
    }

    /** A template rule was created or deleted. */
    public Uni<Void> defaultRule(Caller caller, String action, Map<String, Object> state) {
        return append(caller, "default_security_group_rule", action,
                new Target("default_security_group_rule", String.valueOf(state.get("id")), null, null, null), state);
    }

    /** A caller was refused (recorded even though the request fails). */
    public Uni<Void> denied(Caller caller, String rule, String resource, String id, String projectId) {
        return outbox.appendIndependently(CloudEvent.create(source, EventTypes.of("authorization", "denied"),
                resource + "/" + id, caller.projectId(), new EventData(caller.toInitiator(),
                        new Target(resource, id, null, projectId, null), rule, Outcome.FAILURE, "forbidden", null, null)));
    }

    private Uni<Void> append(Caller caller, String resource, String action, Target target, Map<String, Object> state) {
        return outbox.append(CloudEvent.create(source, EventTypes.of(resource, action), target.id(), target.ownerProjectId(),
                new EventData(caller.toInitiator(), target, action.equals("deleted") ? "delete"
                        : action.equals("created") ? "create" : "update", Outcome.SUCCESS, null,
                        EventJson.mapper().valueToTree(state), null)));
    }

    static Map<String, Object> groupState(SecurityGroup g) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", g.id.toString());
        s.put("name", g.name);
        s.put("description", g.description);
        s.put("project_id", g.projectId);
        s.put("stateful", g.stateful);
        s.put("default", g.isDefault);
        s.put("tags", List.copyOf(new java.util.TreeSet<>(g.tags)));
        s.put("revision_number", g.revisionNumber);
        return s;
    }

    static Map<String, Object> ruleState(SecurityGroupRule r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", r.id.toString());
        s.put("security_group_id", r.securityGroupId.toString());
        s.put("project_id", r.projectId);
        s.put("direction", r.direction);
        s.put("ethertype", r.ethertype);
        s.put("protocol", r.protocol);
        s.put("port_range_min", r.portRangeMin);
        s.put("port_range_max", r.portRangeMax);
        s.put("remote_ip_prefix", r.remoteIpPrefix);
        s.put("normalized_cidr", r.normalizedCidr);
        s.put("remote_group_id", r.remoteGroupId == null ? null : r.remoteGroupId.toString());
        s.put("remote_address_group_id", r.remoteAddressGroupId);
        s.put("description", r.description);
        return s;
    }
}

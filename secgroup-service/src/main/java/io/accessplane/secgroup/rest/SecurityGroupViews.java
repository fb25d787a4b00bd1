package io.accessplane.secgroup.rest;

import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRule;
import io.accessplane.secgroup.service.GroupWithRules;
import io.accessplane.secgroup.service.SecurityGroupRuleService.RuleView;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Neutron's JSON shapes of groups and rules (both {@code project_id} and {@code tenant_id}). */
public final class SecurityGroupViews {

    private SecurityGroupViews() {
    }

    /** A group with its rules embedded. */
    public static Map<String, Object> group(GroupWithRules gr) {
        SecurityGroup g = gr.group();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id.toString());
        m.put("name", g.name);
        m.put("stateful", g.stateful);
        m.put("tenant_id", g.projectId);
        m.put("description", g.description);
        m.put("shared", false);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (SecurityGroupRule r : gr.rules()) {
            rules.add(rule(r, g.isDefault));
        }
        m.put("security_group_rules", rules);
        m.put("tags", new ArrayList<>(new java.util.TreeSet<>(g.tags)));
        m.put("created_at", timestamp(g.createdAt));
        m.put("updated_at", timestamp(g.updatedAt));
        m.put("revision_number", g.revisionNumber);
        m.put("project_id", g.projectId);
        return m;
    }

    /** A rule. */
    public static Map<String, Object> rule(RuleView v) {
        return rule(v.rule(), v.inDefaultGroup());
    }

    /** A rule of a group that is (or is not) its project's default group. */
    public static Map<String, Object> rule(SecurityGroupRule r, boolean inDefaultGroup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id.toString());
        m.put("tenant_id", r.projectId);
        m.put("security_group_id", r.securityGroupId.toString());
        m.put("ethertype", r.ethertype);
        m.put("direction", r.direction);
        m.put("protocol", r.protocol);
        m.put("port_range_min", r.portRangeMin);
        m.put("port_range_max", r.portRangeMax);
        m.put("remote_ip_prefix", r.remoteIpPrefix);
        m.put("remote_address_group_id", r.remoteAddressGroupId);
        m.put("normalized_cidr", r.normalizedCidr);
        m.put("remote_group_id", r.remoteGroupId == null ? null : r.remoteGroupId.toString());
        m.put("description", r.description);
        m.put("created_at", timestamp(r.createdAt));
        m.put("updated_at", timestamp(r.updatedAt));
        m.put("revision_number", r.revisionNumber);
        m.put("project_id", r.projectId);
        m.put("belongs_to_default_sg", inDefaultGroup);
        return m;
    }

    /** Neutron's timestamp form, e.g. {@code 2026-11-22T08:24:14Z}. */
    public static String timestamp(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The {@code fields} a show asks for (empty: all). */
    public static List<String> fields(jakarta.ws.rs.core.UriInfo uri) {
        List<String> fields = uri.getQueryParameters().get("fields");
        return fields == null ? List.of() : fields;
    }

    /** Only the named attributes, in the view's order; all of them when none are named. */
    public static Map<String, Object> select(Map<String, Object> view, List<String> fields) {
        if (fields.isEmpty()) {
            return view;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        view.forEach((k, v) -> {
            if (fields.contains(k)) {
                m.put(k, v);
            }
        });
        return m;
    }
}

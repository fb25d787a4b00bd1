package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.messaging.SecgroupEvents;
import io.accessplane.secgroup.repository.DefaultSecurityGroupRule;
import io.accessplane.secgroup.repository.DefaultSecurityGroupRuleRepository;
import io.accessplane.secgroup.rest.NeutronException;
import io.accessplane.secgroup.rules.NormalizedRule;
import io.accessplane.secgroup.rules.RuleNormaliser;
import io.accessplane.secgroup.rules.RuleRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Neutron's default-security-group-rules: the template new groups take their rules from. Anyone
 * with a role reads it; only admins change it; a change applies to groups created afterwards.
 */
@ApplicationScoped
public class DefaultRuleService {

    /** A stand-in group id: template rules are validated as rules of a group that does not exist yet. */
    static final String TEMPLATE_GROUP = "00000000-0000-0000-0000-000000000000";

    private final DefaultSecurityGroupRuleRepository template;
    private final SecurityGroupService groups;
    private final SecgroupEvents events;
    private final PolicyEnforcement policy;
    private final RuleNormaliser normaliser = new RuleNormaliser();

    public DefaultRuleService(DefaultSecurityGroupRuleRepository template, SecurityGroupService groups,
            SecgroupEvents events, PolicyEnforcement policy) {
        this.template = template;
        this.groups = groups;
        this.events = events;
        this.policy = policy;
    }

    /** What a template rule create asks for. */
    public record TemplateRuleRequest(RuleRequest rule, boolean usedInDefaultSg, boolean usedInNonDefaultSg) {
    }

    /** The whole template. */
    @WithTransaction
    public Uni<List<DefaultSecurityGroupRule>> list(Caller caller) {
        return groups.readable(caller).chain(() -> template.template());
    }

    /** One template rule. */
    @WithTransaction
    public Uni<DefaultSecurityGroupRule> get(Caller caller, String id) {
        return groups.readable(caller).chain(() -> find(id));
    }

    /** Adds a rule to the template (admin); a duplicate of an existing template rule is 409. */
    @WithTransaction
    public Uni<DefaultSecurityGroupRule> create(Caller caller, TemplateRuleRequest request) {
        RuleRequest r = request.rule();
        boolean parent = DefaultSecurityGroupRule.PARENT.equals(r.remoteGroupId());
        NormalizedRule n = normaliser.normalise(new RuleRequest(r.direction(), r.ethertype(), r.protocol(),
                r.portRangeMin(), r.portRangeMax(), r.remoteIpPrefix(), parent ? TEMPLATE_GROUP : r.remoteGroupId(),
                r.remoteAddressGroupId(), r.description(), TEMPLATE_GROUP));
        return admin(caller, "create_default_security_group_rule").chain(() -> template.template()).chain(existing -> {
            for (DefaultSecurityGroupRule e : existing) {
                if (key(e).equals(n.key())) {
                    throw new NeutronException(409, "DefaultSecurityGroupRuleExists",
                            "Default Security group rule already exists. Rule id is " + e.id + ".");
                }
            }
            DefaultSecurityGroupRule d = new DefaultSecurityGroupRule();
            d.id = UUID.randomUUID();
            d.direction = n.direction();
            d.ethertype = n.ethertype();
            d.protocol = n.protocol();
            d.portRangeMin = n.portRangeMin();
            d.portRangeMax = n.portRangeMax();
            d.remoteIpPrefix = n.remoteIpPrefix();
            d.remoteGroupId = parent ? DefaultSecurityGroupRule.PARENT : n.remoteGroupId();
            d.remoteAddressGroupId = n.remoteAddressGroupId();
            d.description = n.description();
            d.usedInDefaultSg = request.usedInDefaultSg();
            d.usedInNonDefaultSg = request.usedInNonDefaultSg();
            d.createdAt = SecurityGroupService.now();
            return template.persist(d).chain(() -> template.flush())
                    .chain(() -> events.defaultRule(caller, "created", state(d))).replaceWith(d);
        });
    }

    /** Removes a rule from the template (admin). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return admin(caller, "delete_default_security_group_rule").chain(() -> find(id))
                .chain(d -> template.deleteRow(d).chain(() -> events.defaultRule(caller, "deleted", state(d))));
    }

    private Uni<DefaultSecurityGroupRule> find(String id) {
        UUID uuid = SecurityGroupService.parse(id);
        if (uuid == null) {
            return Uni.createFrom().failure(notFound(id));
        }
        return template.findById(uuid).map(d -> {
            if (d == null) {
                throw notFound(id);
            }
            return d;
        });
    }

    static NeutronException notFound(String id) {
        return new NeutronException(404, "DefaultSecurityGroupRuleNotFound",
                "Default Security Group rule " + id + " does not exist");
    }

    private Uni<Void> admin(Caller caller, String rule) {
        return policy.require(caller.isAdmin(), caller, rule, "default_security_group_rule", "*", caller.projectId());
    }

    private NormalizedRule normalized(DefaultSecurityGroupRule d) {
        boolean parent = DefaultSecurityGroupRule.PARENT.equals(d.remoteGroupId);
        return normaliser.normalise(new RuleRequest(d.direction, d.ethertype, d.protocol, d.portRangeMin,
                d.portRangeMax, d.remoteIpPrefix, parent ? TEMPLATE_GROUP : d.remoteGroupId, d.remoteAddressGroupId,
                d.description, TEMPLATE_GROUP));
    }

    private io.accessplane.secgroup.rules.RuleKey key(DefaultSecurityGroupRule d) {
        return normalized(d).key();
    }

    /** The template rule as events and the API show it. */
    public static Map<String, Object> state(DefaultSecurityGroupRule d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id.toString());
        m.put("direction", d.direction);
        m.put("ethertype", d.ethertype);
        m.put("protocol", d.protocol);
        m.put("port_range_min", d.portRangeMin);
        m.put("port_range_max", d.portRangeMax);
        m.put("remote_ip_prefix", d.remoteIpPrefix);
        m.put("remote_group_id", d.remoteGroupId);
        m.put("remote_address_group_id", d.remoteAddressGroupId);
        m.put("description", d.description);
        m.put("used_in_default_sg", d.usedInDefaultSg);
        m.put("used_in_non_default_sg", d.usedInNonDefaultSg);
        return m;
    }
}

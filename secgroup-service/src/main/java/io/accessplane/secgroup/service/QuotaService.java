package io.accessplane.secgroup.service;

import io.accessplane.secgroup.config.SecgroupConfig;
import io.accessplane.secgroup.repository.QuotaLimit;
import io.accessplane.secgroup.repository.QuotaLimitRepository;
import io.accessplane.secgroup.repository.SecurityGroupRepository;
import io.accessplane.secgroup.repository.SecurityGroupRuleRepository;
import io.accessplane.secgroup.rest.NeutronException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-project limits (configured defaults, overridden per project) and their checks. */
@ApplicationScoped
public class QuotaService {

    /** Neutron's resource name for groups. */
    public static final String SECURITY_GROUP = "security_group";
    /** Neutron's resource name for rules. */
    public static final String SECURITY_GROUP_RULE = "security_group_rule";

    private final QuotaLimitRepository limits;
    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final SecgroupConfig config;

    public QuotaService(QuotaLimitRepository limits, SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
            SecgroupConfig config) {
        this.limits = limits;
        this.groups = groups;
        this.rules = rules;
        this.config = config;
    }

    /** The project's limits by resource name (-1 means unlimited). */
    public Uni<Map<String, Integer>> limitsOf(String projectId) {
        return limits.ofProject(projectId).map(overrides -> {
            Map<String, Integer> result = defaults();
            overrides.forEach(o -> result.put(o.key.resource(), o.hardLimit));
            return result;
        });
    }

    /** The configured defaults. */
    public Map<String, Integer> defaults() {
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put(SECURITY_GROUP, config.securityGroupQuota());
        result.put(SECURITY_GROUP_RULE, config.securityGroupRuleQuota());
        return result;
    }

    /** Usage by resource name. */
    public Uni<Map<String, Long>> usageOf(String projectId) {
        return groups.countIn(projectId).chain(g -> rules.countIn(projectId).map(r -> {
            Map<String, Long> usage = new LinkedHashMap<>();
            usage.put(SECURITY_GROUP, g);
            usage.put(SECURITY_GROUP_RULE, r);
            return usage;
        }));
    }

    /**
     * Fails with 409 OverQuota unless the project can take {@code newGroups} more groups and
     * {@code newRules} more rules. Call it holding the project's lock.
     */
    public Uni<Void> check(String projectId, int newGroups, int newRules) {
        return limitsOf(projectId).chain(limit -> usageOf(projectId).map(usage -> {
            if (newGroups > 0 && exceeds(limit.get(SECURITY_GROUP), usage.get(SECURITY_GROUP) + newGroups)) {
                throw NeutronException.overQuota(SECURITY_GROUP);
            }
            if (newRules > 0 && exceeds(limit.get(SECURITY_GROUP_RULE), usage.get(SECURITY_GROUP_RULE) + newRules)) {
                throw NeutronException.overQuota(SECURITY_GROUP_RULE);
            }
            return null;
        })).replaceWithVoid();
    }

    private static boolean exceeds(int limit, long wanted) {
        return limit >= 0 && wanted > limit;
    }

    /** Sets the project's limits for the given resources. */
    public Uni<Void> set(String projectId, Map<String, Integer> values) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            chain = chain.chain(() -> limits.findById(new QuotaLimit.Key(projectId, e.getKey())).chain(existing -> {
                QuotaLimit q = existing != null ? existing : new QuotaLimit();
                q.key = new QuotaLimit.Key(projectId, e.getKey());
                q.hardLimit = e.getValue();
                return existing != null ? Uni.createFrom().voidItem() : limits.persist(q).replaceWithVoid();
            }));
        }
        return chain;
    }

    /** Drops the project's own limits. */
    public Uni<Void> reset(String projectId) {
        return limits.resetProject(projectId).replaceWithVoid();
    }
}

package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.messaging.SecgroupEvents;
import io.accessplane.secgroup.repository.SecurityGroupRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading (own project, or any as admin) and changing (admin) a project's quotas. */
@ApplicationScoped
public class QuotaAdminService {

    private final QuotaService quotas;
    private final SecurityGroupRepository groups;
    private final SecgroupEvents events;
    private final PolicyEnforcement policy;

    public QuotaAdminService(QuotaService quotas, SecurityGroupRepository groups, SecgroupEvents events,
            PolicyEnforcement policy) {
        this.quotas = quotas;
        this.groups = groups;
        this.events = events;
        this.policy = policy;
    }

    /** The project's limits. */
    @WithTransaction
    public Uni<Map<String, Integer>> limits(Caller caller, String project) {
        return readable(caller, project).chain(() -> quotas.limitsOf(project));
    }

    /** Limits with usage, as Neutron's quota details. */
    @WithTransaction
    public Uni<Map<String, Object>> details(Caller caller, String project) {
        return readable(caller, project).chain(() -> quotas.limitsOf(project))
                .chain(limits -> quotas.usageOf(project).map(usage -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    limits.forEach((k, v) -> d.put(k, Map.of("limit", v, "used", usage.get(k), "reserved", 0)));
                    return d;
                }));
    }

    /** Sets limits (admin only). */
    @WithTransaction
    public Uni<Map<String, Integer>> set(Caller caller, String project, Map<String, Integer> values) {
        return admin(caller, "update_quota", project)
                .chain(() -> groups.lockProject(project))
                .chain(() -> quotas.set(project, values))
                .chain(() -> groups.flush())
                .chain(() -> quotas.limitsOf(project))
                .call(limits -> events.quota(caller, project, limits));
    }

    /** Drops the project's own limits (admin only). */
    @WithTransaction
    public Uni<Void> reset(Caller caller, String project) {
        return admin(caller, "delete_quota", project)
                .chain(() -> groups.lockProject(project))
                .chain(() -> quotas.reset(project))
                .chain(() -> events.quota(caller, project, quotas.defaults()));
    }

    private Uni<Void> readable(Caller caller, String project) {
        return policy.require(AccessPolicy.sees(caller, project), caller, "get_quota", "quota", project, project);
    }

    private Uni<Void> admin(Caller caller, String rule, String project) {
        return policy.require(caller.isAdmin(), caller, rule, "quota", project, project);
    }
}

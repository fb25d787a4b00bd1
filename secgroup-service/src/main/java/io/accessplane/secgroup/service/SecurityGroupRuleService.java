package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.messaging.SecgroupEvents;
import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRepository;
import io.accessplane.secgroup.repository.SecurityGroupRule;
import io.accessplane.secgroup.repository.SecurityGroupRuleRepository;
import io.accessplane.secgroup.rest.NeutronException;
import io.accessplane.secgroup.rules.NormalizedRule;
import io.accessplane.secgroup.rules.RuleDuplicates;
import io.accessplane.secgroup.rules.RuleNormaliser;
import io.accessplane.secgroup.rules.RuleRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Security group rules with Neutron's rules: validated and normalised, no duplicates in a group
 * (nor inside one bulk request), remote groups must exist, bulk creates all-or-nothing, the
 * project's rule quota never exceeded (checked under the project's lock). Rules are immutable,
 * except their description (an extension AWS users expect).
 */
@ApplicationScoped
public class SecurityGroupRuleService {

    private final SecurityGroupService groupService;
    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final QuotaService quotas;
    private final SecgroupEvents events;
    private final RuleNormaliser normaliser = new RuleNormaliser();
    private final RuleDuplicates duplicates = new RuleDuplicates();

    public SecurityGroupRuleService(SecurityGroupService groupService, SecurityGroupRepository groups,
            SecurityGroupRuleRepository rules, QuotaService quotas, SecgroupEvents events) {
        this.groupService = groupService;
        this.groups = groups;
        this.rules = rules;
        this.quotas = quotas;
        this.events = events;
    }

    /** A rule and whether its group is its project's default group. */
    public record RuleView(SecurityGroupRule rule, boolean inDefaultGroup) {
    }

    /** The rules the caller sees (its project's, creating the default group first; all for admins). */
    @WithTransaction
    public Uni<List<RuleView>> list(Caller caller) {
        return groupService.readable(caller)
                .chain(() -> groupService.ensureDefault(caller, caller.projectId()))
                .chain(() -> caller.isAdmin() ? rules.everywhere() : rules.inProject(caller.projectId()))
                .chain(this::views);
    }

    /** One rule the caller can see. */
    @WithTransaction
    public Uni<RuleView> get(Caller caller, String id) {
        return groupService.readable(caller).chain(() -> visible(caller, id))
                .chain(r -> views(List.of(r))).map(v -> v.get(0));
    }

    /** Creates one rule, or several for one group at once (all or none). */
    @WithTransaction
    public Uni<List<RuleView>> create(Caller caller, List<RuleRequest> requests, boolean bulk) {
        List<NormalizedRule> normalized = bulk ? normaliser.normaliseBulk(requests)
                : List.of(normaliser.normalise(requests.get(0)));
        String groupId = normalized.get(0).securityGroupId();
        return groupService.readable(caller)
                .chain(() -> groupService.visible(caller, groupId))
                .call(g -> groupService.writable(caller, g.projectId, "create_security_group_rule",
                        "security_group_rule", "new"))
                .call(g -> remoteGroupsExist(caller, normalized))
                .call(g -> groups.lockProject(g.projectId))
                .call(g -> groupService.ensureDefaultLocked(caller, g.projectId))
                .call(g -> notStoredYet(normalized))
                .call(g -> quotas.check(g.projectId, 0, normalized.size()))
                .chain(g -> insert(caller, g, normalized));
    }

    /** Changes a rule's description (nothing else of a rule ever changes). */
    @WithTransaction
    public Uni<RuleView> describe(Caller caller, String id, String description) {
        return groupService.readable(caller).chain(() -> visible(caller, id))
                .call(r -> groupService.writable(caller, r.projectId, "update_security_group_rule",
                        "security_group_rule", id))
                .chain(r -> {
                    if (description.equals(r.description)) {
                        return views(List.of(r));
                    }
                    r.description = description;
                    r.revisionNumber++;
                    r.updatedAt = SecurityGroupService.now();
                    return rules.flush().chain(() -> events.rule(caller, "updated", r)).chain(() -> views(List.of(r)));
                }).map(v -> v.get(0));
    }

    /** Deletes a rule. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return groupService.readable(caller).chain(() -> visible(caller, id))
                .call(r -> groupService.writable(caller, r.projectId, "delete_security_group_rule",
                        "security_group_rule", id))
                .chain(r -> groups.findById(r.securityGroupId)
                        .invoke(g -> {
                            if (g != null) {
                                SecurityGroupService.touch(g);
                            }
                        })
                        .chain(() -> rules.deleteRow(r))
                        .chain(() -> events.rule(caller, "deleted", r)));
    }

    /** A rule the caller can see, or 404. */
    Uni<SecurityGroupRule> visible(Caller caller, String id) {
        UUID uuid = SecurityGroupService.parse(id);
        if (uuid == null) {
            return Uni.createFrom().failure(NeutronException.ruleNotFound(id));
        }
        return rules.findById(uuid).map(r -> {
            if (r == null || !AccessPolicy.sees(caller, r.projectId)) {
                throw NeutronException.ruleNotFound(id);
            }
            return r;
        });
    }

    /**
     * Duplicates inside the request (409 DuplicateSecurityGroupRuleInPost), then of stored rules:
     * the duplicate key is stored and indexed, so this is one lookup per new rule, not a scan of
     * the group (409 SecurityGroupRuleExists naming the stored rule).
     */
    private Uni<Void> notStoredYet(List<NormalizedRule> normalized) {
        duplicates.check(normalized, List.of());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NormalizedRule n : normalized) {
            chain = chain.chain(() -> rules.withKey(UUID.fromString(n.securityGroupId()), n.key().toNeutronString())
                    .map(existing -> {
                        if (existing != null) {
                            throw new NeutronException(409, "SecurityGroupRuleExists",
                                    "Security group rule already exists. Rule id is " + existing.id + ".");
                        }
                        return null;
                    }).replaceWithVoid());
        }
        return chain;
    }

    private Uni<Void> remoteGroupsExist(Caller caller, List<NormalizedRule> normalized) {
        for (NormalizedRule n : normalized) {
            if (n.remoteAddressGroupId() != null) {
                // address groups are not implemented here, so none exists (as Neutron answers for an unknown one)
                return Uni.createFrom().failure(new NeutronException(404, "AddressGroupNotFound",
                        "Address group " + n.remoteAddressGroupId() + " could not be found."));
            }
        }
        Set<String> remote = new HashSet<>();
        normalized.stream().map(NormalizedRule::remoteGroupId).filter(java.util.Objects::nonNull).forEach(remote::add);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : remote) {
            chain = chain.chain(() -> groupService.visible(caller, id).replaceWithVoid());
        }
        return chain;
    }

    private Uni<List<RuleView>> insert(Caller caller, SecurityGroup g, List<NormalizedRule> normalized) {
        Instant now = SecurityGroupService.now();
        List<SecurityGroupRule> made = new ArrayList<>();
        for (NormalizedRule n : normalized) {
            made.add(SecurityGroupRule.of(n, g.projectId, now));
        }
        SecurityGroupService.touch(g); // a group's revision counts changes of its rules, as in Neutron
        Uni<Void> chain = rules.persist(made).chain(() -> rules.flush());
        for (SecurityGroupRule r : made) {
            chain = chain.chain(() -> events.rule(caller, "created", r));
        }
        return chain.map(x -> made.stream().map(r -> new RuleView(r, g.isDefault)).toList());
    }

    private Uni<List<RuleView>> views(List<SecurityGroupRule> list) {
        Set<UUID> groupIds = new HashSet<>();
        list.forEach(r -> groupIds.add(r.securityGroupId));
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return groups.list("id in ?1 and isDefault = true", groupIds).map(defaults -> {
            Set<UUID> defaultIds = new HashSet<>();
            defaults.forEach(g -> defaultIds.add(g.id));
            return list.stream().map(r -> new RuleView(r, defaultIds.contains(r.securityGroupId))).toList();
        });
    }
}

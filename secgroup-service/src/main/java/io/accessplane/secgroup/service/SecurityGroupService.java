package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.messaging.SecgroupEvents;
import io.accessplane.secgroup.repository.DefaultSecurityGroupRule;
import io.accessplane.secgroup.repository.DefaultSecurityGroupRuleRepository;
import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRepository;
import io.accessplane.secgroup.repository.SecurityGroupRule;
import io.accessplane.secgroup.repository.SecurityGroupRuleRepository;
import io.accessplane.secgroup.rest.NeutronException;
import io.accessplane.secgroup.rules.NormalizedRule;
import io.accessplane.secgroup.rules.RuleDuplicates;
import io.accessplane.secgroup.rules.RuleNormaliser;
import io.accessplane.secgroup.rules.RuleTemplates;
import io.accessplane.secgroup.rules.RuleRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Security groups with Neutron's rules: per project, a lazily created {@code default} group that
 * cannot be renamed or (by non-admins) deleted, rules from the template for every new group,
 * quotas checked under a per-project lock, {@code If-Match} revisions, tags.
 */
@ApplicationScoped
public class SecurityGroupService {

    /** Neutron's name and description of the default group. */
    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_DESCRIPTION = "Default security group";

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final DefaultSecurityGroupRuleRepository template;
    private final QuotaService quotas;
    private final SecgroupEvents events;
    private final PolicyEnforcement policy;
    private final RuleNormaliser normaliser = new RuleNormaliser();
    private final RuleTemplates templates = new RuleTemplates();
    private final RuleDuplicates duplicates = new RuleDuplicates();

    public SecurityGroupService(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
            DefaultSecurityGroupRuleRepository template, QuotaService quotas, SecgroupEvents events,
            PolicyEnforcement policy) {
        this.groups = groups;
        this.rules = rules;
        this.template = template;
        this.quotas = quotas;
        this.events = events;
        this.policy = policy;
    }

    /** What a create or update asks for; null fields are left alone (update) or defaulted (create). */
    public record GroupChange(String name, String description, Boolean stateful, String projectId, String template,
            Map<String, String> templateParameters) {

        /** A change without a template. */
        public GroupChange(String name, String description, Boolean stateful, String projectId) {
            this(name, description, stateful, projectId, null, null);
        }
    }

    /** The groups the caller sees (its project's, creating the default first; every project's for admins). */
    @WithTransaction
    public Uni<List<GroupWithRules>> list(Caller caller) {
        return readable(caller)
                .chain(() -> ensureDefault(caller, caller.projectId()))
                .chain(() -> caller.isAdmin() ? groups.everywhere() : groups.inProject(caller.projectId()))
                .chain(this::withRules);
    }

    /** One group the caller can see. */
    @WithTransaction
    public Uni<GroupWithRules> get(Caller caller, String id) {
        return readable(caller).chain(() -> visible(caller, id)).chain(g -> rules.ofGroup(g.id)
                .map(r -> new GroupWithRules(g, r)));
    }

    /** Creates a group in the caller's project (admins may name another) with the template's rules. */
    @WithTransaction
    public Uni<GroupWithRules> create(Caller caller, GroupChange change) {
        String project = change.projectId() != null ? change.projectId() : caller.projectId();
        if (project == null) {
            return Uni.createFrom().failure(NeutronException.badRequest("'project_id' is required"));
        }
        return writable(caller, project, "create_security_group", "security_group", "new")
                .chain(() -> groups.lockProject(project))
                .chain(() -> ensureDefaultLocked(caller, project))
                .chain(() -> template.template())
                .chain(tpl -> {
                    List<DefaultSecurityGroupRule> used = tpl.stream().filter(t -> t.usedInNonDefaultSg).toList();
                    UUID id = UUID.randomUUID();
                    List<NormalizedRule> extra = templateRules(id, change);
                    Uni<Void> remotes = Uni.createFrom().voidItem();
                    for (NormalizedRule n : extra) {
                        if (n.remoteGroupId() != null && !n.remoteGroupId().equals(id.toString())) {
                            remotes = remotes.chain(() -> visible(caller, n.remoteGroupId()).replaceWithVoid());
                        }
                    }
                    return remotes.chain(() -> quotas.check(project, 1, used.size() + extra.size()))
                            .chain(() -> insertGroup(caller, id, project, change, false, used, extra));
                });
    }

    /** Changes name, description or stateful; {@code ifMatch} (a revision number) guards against stale writes. */
    @WithTransaction
    public Uni<GroupWithRules> update(Caller caller, String id, GroupChange change, Long ifMatch) {
        return readable(caller).chain(() -> visible(caller, id))
                .call(g -> writable(caller, g.projectId, "update_security_group", "security_group", id))
                .chain(g -> {
                    if (ifMatch != null && ifMatch != g.revisionNumber) {
                        throw NeutronException.revisionMismatch(ifMatch, g.revisionNumber);
                    }
                    if (change.name() != null && g.isDefault) {
                        throw new NeutronException(409, "SecurityGroupCannotUpdateDefault",
                                "Updating default security group not allowed.");
                    }
                    boolean changed = false;
                    if (change.name() != null && !change.name().equals(g.name)) {
                        g.name = change.name();
                        changed = true;
                    }
                    if (change.description() != null && !change.description().equals(g.description)) {
                        g.description = change.description();
                        changed = true;
                    }
                    if (change.stateful() != null && change.stateful() != g.stateful) {
                        g.stateful = change.stateful();
                        changed = true;
                    }
                    Uni<Void> write = Uni.createFrom().voidItem();
                    if (changed) {
                        touch(g);
                        write = groups.flush().chain(() -> events.group(caller, "security_group", "updated", g, null));
                    }
                    return write.chain(() -> rules.ofGroup(g.id)).map(r -> new GroupWithRules(g, r));
                });
    }

    /** Deletes a group, its rules, and rules elsewhere that named it as their remote group; {@code ifMatch} as for updates. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id, Long ifMatch) {
        return readable(caller).chain(() -> visible(caller, id))
                .call(g -> writable(caller, g.projectId, "delete_security_group", "security_group", id))
                .chain(g -> {
                    if (ifMatch != null && ifMatch != g.revisionNumber) {
                        throw NeutronException.revisionMismatch(ifMatch, g.revisionNumber);
                    }
                    if (g.isDefault && !caller.isAdmin()) {
                        throw new NeutronException(409, "SecurityGroupCannotRemoveDefault",
                                "Insufficient rights for removing default security group.");
                    }
                    return groups.lockProject(g.projectId)
                            .chain(() -> rules.referencing(g.id))
                            .call(referencing -> eachRuleDeleted(caller, referencing))
                            .chain(() -> rules.ofGroup(g.id))
                            .chain(own -> groups.deleteRow(g).chain(() -> events.group(caller, "security_group",
                                    "deleted", g, own)));
                });
    }

    /** Replaces, adds or removes tags ({@code null} tag list = remove all). */
    @WithTransaction
    public Uni<SecurityGroup> retag(Caller caller, String id, java.util.function.UnaryOperator<Set<String>> edit) {
        return readable(caller).chain(() -> visible(caller, id))
                .call(g -> writable(caller, g.projectId, "update_security_group_tags", "security_group", id))
                .chain(g -> {
                    Set<String> next = new TreeSet<>(edit.apply(new TreeSet<>(g.tags)));
                    if (next.equals(new TreeSet<>(g.tags))) {
                        return Uni.createFrom().item(g);
                    }
                    g.tags.clear();
                    g.tags.addAll(next);
                    touch(g);
                    return groups.flush().chain(() -> events.group(caller, "security_group", "updated", g, null))
                            .replaceWith(g);
                });
    }

    /** The tags of a group the caller can see. */
    @WithTransaction
    public Uni<Set<String>> tags(Caller caller, String id) {
        return readable(caller).chain(() -> visible(caller, id)).map(g -> new TreeSet<>(g.tags));
    }

    /** Makes sure the project has its default group (takes the project's lock when it must create it). */
    public Uni<Void> ensureDefault(Caller caller, String projectId) {
        if (projectId == null) {
            return Uni.createFrom().voidItem();
        }
        return groups.defaultOf(projectId).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : groups.lockProject(projectId).chain(() -> ensureDefaultLocked(caller, projectId)));
    }

    /** As {@link #ensureDefault} for a caller already holding the project's lock. */
    public Uni<Void> ensureDefaultLocked(Caller caller, String projectId) {
        return groups.defaultOf(projectId).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : template.template().chain(tpl -> insertGroup(caller, UUID.randomUUID(), projectId,
                        new GroupChange(DEFAULT_NAME, DEFAULT_DESCRIPTION, true, projectId), true,
                        tpl.stream().filter(t -> t.usedInDefaultSg).toList(), List.of())).replaceWithVoid());
    }

    /** A group the caller can see, or 404 (another project's group does not exist for the caller). */
    public Uni<SecurityGroup> visible(Caller caller, String id) {
        UUID uuid = parse(id);
        if (uuid == null) {
            return Uni.createFrom().failure(NeutronException.groupNotFound(id));
        }
        return groups.findById(uuid).map(g -> {
            if (g == null || !AccessPolicy.sees(caller, g.projectId)) {
                throw NeutronException.groupNotFound(id);
            }
            return g;
        });
    }

    /** 403 (recorded) unless the caller may write in the project. */
    public Uni<Void> writable(Caller caller, String projectId, String rule, String resource, String id) {
        return policy.require(AccessPolicy.writes(caller, projectId), caller, rule, resource, id, projectId);
    }

    /** 403 (recorded) unless the caller holds at least the reader role. */
    public Uni<Void> readable(Caller caller) {
        return policy.require(caller.isAdmin() || caller.hasRole("reader"), caller, "get_security_group",
                "security_group", "*", caller.projectId());
    }

    /** A UUID, or null when the text is not one. */
    public static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Uni<List<GroupWithRules>> withRules(List<SecurityGroup> list) {
        List<UUID> ids = list.stream().map(g -> g.id).toList();
        return rules.ofGroups(ids).map(all -> {
            Map<UUID, List<SecurityGroupRule>> byGroup = new LinkedHashMap<>();
            list.forEach(g -> byGroup.put(g.id, new ArrayList<>()));
            all.forEach(r -> byGroup.get(r.securityGroupId).add(r));
            return list.stream().map(g -> new GroupWithRules(g, byGroup.get(g.id))).toList();
        });
    }

    /** The rules of the requested template (none without one), checked like any rule, duplicates refused. */
    private List<NormalizedRule> templateRules(UUID groupId, GroupChange change) {
        if (change.template() == null) {
            return List.of();
        }
        Map<String, String> params = new LinkedHashMap<>(change.templateParameters() == null ? Map.of()
                : change.templateParameters());
        params.put(RuleTemplates.SECURITY_GROUP_ID, groupId.toString());
        List<NormalizedRule> normalized = normaliser.normaliseBulk(templates.expand(change.template(), params));
        duplicates.check(normalized, List.of());
        return normalized;
    }

    private Uni<GroupWithRules> insertGroup(Caller caller, UUID id, String projectId, GroupChange change,
            boolean isDefault, List<DefaultSecurityGroupRule> tpl, List<NormalizedRule> extra) {
        Instant now = now();
        SecurityGroup g = new SecurityGroup();
        g.id = id;
        g.projectId = projectId;
        g.name = change.name() == null ? "" : change.name();
        g.description = change.description() == null ? "" : change.description();
        g.stateful = change.stateful() == null || change.stateful();
        g.isDefault = isDefault;
        g.createdAt = now;
        g.updatedAt = now;
        // as in Neutron, adding the template's rules already bumped the new group's revision
        g.revisionNumber = tpl.isEmpty() ? 0 : 1;
        List<SecurityGroupRule> made = new ArrayList<>();
        for (DefaultSecurityGroupRule t : tpl) {
            String remoteGroup = DefaultSecurityGroupRule.PARENT.equals(t.remoteGroupId) ? g.id.toString() : t.remoteGroupId;
            made.add(SecurityGroupRule.of(normaliser.normalise(new RuleRequest(t.direction, t.ethertype, t.protocol,
                    t.portRangeMin, t.portRangeMax, t.remoteIpPrefix, remoteGroup, t.remoteAddressGroupId,
                    t.description, g.id.toString())), projectId, now));
        }
        for (NormalizedRule n : extra) {
            made.add(SecurityGroupRule.of(n, projectId, now));
        }
        return groups.persist(g).chain(() -> groups.flush())
                .chain(() -> made.isEmpty() ? Uni.createFrom().voidItem() : rules.persist(made).chain(() -> rules.flush()))
                .chain(() -> events.group(caller, isDefault ? "default_security_group" : "security_group", "created", g,
                        made))
                .replaceWith(() -> new GroupWithRules(g, made));
    }

    private Uni<Void> eachRuleDeleted(Caller caller, List<SecurityGroupRule> list) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SecurityGroupRule r : list) {
            chain = chain.chain(() -> events.rule(caller, "deleted", r));
        }
        return chain;
    }

    static void touch(SecurityGroup g) {
        g.revisionNumber++;
        g.updatedAt = now();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}

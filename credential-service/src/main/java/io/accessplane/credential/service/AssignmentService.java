package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.ApplicationCredential;
import io.accessplane.credential.repository.ApplicationCredentialRepository;
import io.accessplane.credential.repository.ProjectRepository;
import io.accessplane.credential.repository.RoleAssignment;
import io.accessplane.credential.repository.RoleAssignmentRepository;
import io.accessplane.credential.repository.UserRepository;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.credential.service.BuiltInRoles.RoleRef;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.RevocationList;
import io.accessplane.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Role assignments of users on projects: grant, check, revoke, list. */
@ApplicationScoped
public class AssignmentService {

    private final RoleAssignmentRepository assignments;
    private final UserRepository users;
    private final ProjectRepository projects;
    private final ApplicationCredentialRepository credentials;
    private final CredentialCascade cascade;
    private final IdentityEvents events;
    private final Guard guard;
    private final RevocationList revocations;
    private final String base;

    public AssignmentService(RoleAssignmentRepository assignments, UserRepository users, ProjectRepository projects,
            ApplicationCredentialRepository credentials, CredentialCascade cascade, IdentityEvents events,
            Guard guard, RevocationList revocations, IdentityConfig config) {
        this.assignments = assignments;
        this.users = users;
        this.projects = projects;
        this.credentials = credentials;
        this.cascade = cascade;
        this.events = events;
        this.guard = guard;
        this.revocations = revocations;
        this.base = config.catalog().identityUrl();
    }

    /** Grants a role (idempotent, as Keystone's PUT). */
    @WithTransaction
    public Uni<Void> grant(Caller caller, String projectId, String userId, String roleId) {
        return guard.check(caller, Action.MANAGE_GRANTS, "role_assignment", userId, projectId)
                .chain(() -> resolve(projectId, userId, roleId))
                .chain(role -> {
                    RoleAssignment.Key key = new RoleAssignment.Key(userId, projectId, role.id());
                    return assignments.findById(key).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                            : assignments.persist(new RoleAssignment(key))
                                    .chain(() -> events.changed(caller.toInitiator(), "role_assignment", "created",
                                            new Target("role_assignment", userId + ":" + projectId + ":" + role.id(),
                                                    role.name(), projectId, userId),
                                            Map.of("user_id", userId, "project_id", projectId, "role_id", role.id(),
                                                    "role_name", role.name()))));
                });
    }

    /** Whether the user holds the role directly on the project (404 otherwise). */
    @WithTransaction
    public Uni<Void> check(Caller caller, String projectId, String userId, String roleId) {
        return guard.check(caller, Action.CHECK_GRANT, "role_assignment", userId, projectId)
                .chain(() -> resolve(projectId, userId, roleId))
                .chain(role -> assignments.findById(new RoleAssignment.Key(userId, projectId, role.id())))
                .map(a -> {
                    if (a == null) {
                        throw KeystoneException.notFound("role assignment", roleId);
                    }
                    return null;
                });
    }

    /**
     * Revokes a role. The user's application credentials on that project that relied on a role it
     * no longer has are deleted, each with its event, as Keystone does (but loudly).
     */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, String projectId, String userId, String roleId) {
        return guard.check(caller, Action.MANAGE_GRANTS, "role_assignment", userId, projectId)
                .chain(() -> resolve(projectId, userId, roleId))
                .chain(role -> assignments.findById(new RoleAssignment.Key(userId, projectId, role.id()))
                        .chain(a -> {
                            if (a == null) {
                                return Uni.createFrom().failure(KeystoneException.notFound("role assignment", roleId));
                            }
                            // tokens carry roles: the user's current tokens are revoked, new ones get the new roles
                            Revocation revocation = IdentityEvents.revoke(Revocation.Kind.USER, userId);
                            return assignments.deleteRow(a)
                                    .chain(() -> events.changed(caller.toInitiator(), "role_assignment", "deleted",
                                            new Target("role_assignment", userId + ":" + projectId + ":" + role.id(),
                                                    role.name(), projectId, userId),
                                            Map.of("user_id", userId, "project_id", projectId, "role_id", role.id(),
                                                    "role_name", role.name()), null, revocation))
                                    .invoke(() -> revocations.add(revocation))
                                    .chain(() -> assignments.forUserOnProject(userId, projectId))
                                    .chain(left -> {
                                        Set<String> held = BuiltInRoles.withImplied(
                                                left.stream().map(x -> x.key.roleId()).toList())
                                                .stream().map(RoleRef::id).collect(Collectors.toSet());
                                        return credentials.forUserOnProject(userId, projectId)
                                                .map(creds -> creds.stream().filter(c -> !held.containsAll(
                                                        BuiltInRoles.ids(BuiltInRoles.withImplied(c.roleIds)))).toList());
                                    })
                                    .chain((List<ApplicationCredential> lost) ->
                                            cascade.delete(caller.toInitiator(), lost, "role_removed"));
                        }));
    }

    /** Assignments (admin), filtered by user, project and role; names included on request. */
    @WithTransaction
    public Uni<List<Map<String, Object>>> list(Caller caller, String userId, String projectId, String roleId,
            boolean includeNames) {
        return guard.check(caller, Action.LIST_ROLE_ASSIGNMENTS, "role_assignment", userId, projectId)
                .chain(() -> assignments.listAll())
                .chain(all -> {
                    List<RoleAssignment> selected = all.stream()
                            .filter(a -> userId == null || userId.equals(a.key.userId()))
                            .filter(a -> projectId == null || projectId.equals(a.key.projectId()))
                            .filter(a -> roleId == null || roleId.equals(a.key.roleId())
                                    || BuiltInRoles.find(roleId).map(r -> r.id().equals(a.key.roleId())).orElse(false))
                            .toList();
                    if (!includeNames) {
                        return Uni.createFrom().item(selected.stream().map(a -> view(a, null, null)).toList());
                    }
                    return users.listAll().chain(us -> projects.listAll().map(ps -> {
                        Map<String, String> userNames = us.stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
                        Map<String, String> projectNames = ps.stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
                        return selected.stream().map(a -> view(a, userNames, projectNames)).toList();
                    }));
                });
    }

    private Map<String, Object> view(RoleAssignment a, Map<String, String> userNames, Map<String, String> projectNames) {
        RoleRef role = BuiltInRoles.find(a.key.roleId()).orElse(new RoleRef(a.key.roleId(), null));
        Map<String, Object> roleView = new LinkedHashMap<>();
        roleView.put("id", role.id());
        Map<String, Object> userView = new LinkedHashMap<>();
        userView.put("id", a.key.userId());
        Map<String, Object> projectView = new LinkedHashMap<>();
        projectView.put("id", a.key.projectId());
        if (userNames != null) {
            roleView.put("name", role.name());
            userView.put("name", userNames.get(a.key.userId()));
            userView.put("domain", Map.of("id", "default", "name", "Default"));
            projectView.put("name", projectNames.get(a.key.projectId()));
            projectView.put("domain", Map.of("id", "default", "name", "Default"));
        }
        return Map.of("role", roleView, "user", userView, "scope", Map.of("project", projectView),
                "links", Map.of("assignment", base + "/projects/" + a.key.projectId() + "/users/" + a.key.userId()
                        + "/roles/" + role.id()));
    }

    private Uni<RoleRef> resolve(String projectId, String userId, String roleId) {
        RoleRef role = BuiltInRoles.find(roleId).orElse(null);
        if (role == null) {
            return Uni.createFrom().failure(KeystoneException.notFound("role", roleId));
        }
        return projects.findById(projectId).chain(p -> p == null
                        ? Uni.createFrom().failure(KeystoneException.notFound("project", projectId))
                        : users.findById(userId))
                .chain(u -> u == null ? Uni.createFrom().failure(KeystoneException.notFound("user", userId))
                        : Uni.createFrom().item(role));
    }
}

package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.SecretGenerator;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.ApplicationCredential;
import io.accessplane.credential.repository.ApplicationCredentialRepository;
import io.accessplane.credential.repository.IdentityUser;
import io.accessplane.credential.repository.Project;
import io.accessplane.credential.repository.ProjectRepository;
import io.accessplane.credential.repository.RoleAssignmentRepository;
import io.accessplane.credential.repository.UserRepository;
import io.accessplane.credential.rules.LockoutPolicy;
import io.accessplane.credential.service.AuthRequest.ProjectRef;
import io.accessplane.credential.service.AuthRequest.UserRef;
import io.accessplane.credential.service.BuiltInRoles.RoleRef;
import io.accessplane.platform.events.Target;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The database side of authentication: look-ups, lockout counters, last use, and the events. */
@ApplicationScoped
public class AuthStore {

    /** Keystone's domain. */
    public static final String DEFAULT_DOMAIN_ID = "default";
    /** Its display name. */
    public static final String DEFAULT_DOMAIN_NAME = "Default";
    /** How precisely an application credential's last use is recorded. */
    static final java.time.Duration LAST_USE_RESOLUTION = java.time.Duration.ofMinutes(1);

    private final UserRepository users;
    private final ProjectRepository projects;
    private final RoleAssignmentRepository assignments;
    private final ApplicationCredentialRepository credentials;
    private final IdentityEvents events;
    private final TokenCodec codec;
    private final IdentityConfig config;
    private final LockoutPolicy lockout;

    public AuthStore(UserRepository users, ProjectRepository projects, RoleAssignmentRepository assignments,
            ApplicationCredentialRepository credentials, IdentityEvents events, TokenCodec codec,
            IdentityConfig config) {
        this.users = users;
        this.projects = projects;
        this.assignments = assignments;
        this.credentials = credentials;
        this.events = events;
        this.codec = codec;
        this.config = config;
        this.lockout = new LockoutPolicy(config.passwords().lockoutFailureAttempts(),
                config.passwords().lockoutDuration());
    }

    /** Whether a domain reference names the default domain. */
    public static boolean isDefaultDomain(String id, String name) {
        return (id == null || DEFAULT_DOMAIN_ID.equals(id)) && (name == null || DEFAULT_DOMAIN_NAME.equalsIgnoreCase(name));
    }

    /** The user a reference names, or null. */
    @WithTransaction
    public Uni<IdentityUser> findUser(UserRef ref) {
        if (ref.id() != null) {
            return users.findById(ref.id());
        }
        if (!isDefaultDomain(ref.domainId(), ref.domainName())) {
            return Uni.createFrom().nullItem();
        }
        return users.findByName(DEFAULT_DOMAIN_ID, ref.name());
    }

    /** Whether the user is locked out now. */
    public boolean isLocked(IdentityUser user, Instant now) {
        return lockout.isLocked(user.failedAuthCount, user.failedAuthAt, now);
    }

    /** Counts a failed password; the failure event is written with it. */
    @WithTransaction
    public Uni<Void> passwordFailed(String userId, Origin origin) {
        Instant now = Instant.now();
        return users.findById(userId).chain(user -> {
            if (user == null) {
                return Uni.createFrom().voidItem();
            }
            user.failedAuthCount = lockout.countAfterFailure(user.failedAuthCount, user.failedAuthAt, now);
            user.failedAuthAt = now;
            boolean lockedNow = isLocked(user, now);
            return events.authenticationFailed(origin.as(userId, null, null, List.of()),
                    new Target("user", userId, user.name, null, userId), lockedNow ? "locked_out" : "bad_password");
        });
    }

    /** Writes a refusal's event in a transaction of its own. */
    @WithTransaction
    public Uni<Void> refused(AuthOutcome outcome, Origin origin) {
        String targetType = outcome.credentialId() != null ? "application_credential" : "user";
        String targetId = outcome.credentialId() != null ? outcome.credentialId() : outcome.userId();
        return events.authenticationFailed(origin.as(outcome.userId(), null, outcome.credentialId(), List.of()),
                new Target(targetType, targetId == null ? "unknown" : targetId, null, null, outcome.userId()),
                outcome.reason());
    }

    /** After a good password: resets the counters, resolves the scope and roles, and issues the token. */
    @WithTransaction
    public Uni<AuthOutcome> passwordSucceeded(String userId, ProjectRef scope, Origin origin) {
        return users.findById(userId).chain(user -> {
            if (user == null || !user.enabled) {
                return Uni.createFrom().item(AuthOutcome.refused("disabled_user",
                        "The account is disabled for user: " + userId + ".", userId, null));
            }
            user.failedAuthCount = 0;
            user.failedAuthAt = null;
            return resolveProject(scope, user).chain(project -> {
                if (scope != null && project == null) {
                    return Uni.createFrom().item(AuthOutcome.refused("unknown_project",
                            "The request you have made requires authentication.", userId, null));
                }
                if (project == null) {
                    return issue(user, null, List.of(), List.of("password"), null, origin, null);
                }
                return rolesOn(user.id, project.id).chain(roles -> {
                    if (roles.isEmpty()) {
                        if (scope == null) {
                            return issue(user, null, List.of(), List.of("password"), null, origin, null);
                        }
                        return Uni.createFrom().item(AuthOutcome.refused("no_role",
                                "User " + user.id + " has no access to project " + project.id, userId, null));
                    }
                    if (!project.enabled) {
                        return Uni.createFrom().item(AuthOutcome.refused("project_disabled",
                                "The request you have made requires authentication.", userId, null));
                    }
                    return issue(user, project, roles, List.of("password"), null, origin, null);
                });
            });
        });
    }

    /** The credential a token request names, or null. */
    @WithTransaction
    public Uni<ApplicationCredential> findCredential(AuthRequest request) {
        if (request.credentialId() != null) {
            return credentials.findById(request.credentialId());
        }
        return findUser(request.user()).chain(user -> user == null ? Uni.createFrom().nullItem()
                : credentials.findByName(user.id, request.credentialName()));
    }

    /** After a good secret: checks user, project and roles still hold, records the use, and issues the token. */
    @WithTransaction
    public Uni<AuthOutcome> credentialSucceeded(String credentialId, Origin origin) {
        Instant now = Instant.now();
        return credentials.findById(credentialId).chain(cred -> {
            if (cred == null || cred.expiredAt(now)) {
                return Uni.createFrom().item(AuthOutcome.refused(cred == null ? "unknown_id" : "expired",
                        "Invalid application credential ID or secret", null, credentialId));
            }
            return users.findById(cred.userId).chain(user -> {
                if (user == null || !user.enabled) {
                    return Uni.createFrom().item(AuthOutcome.refused("disabled_user",
                            "Invalid application credential ID or secret", cred.userId, credentialId));
                }
                return projects.findById(cred.projectId).chain(project -> {
                    if (project == null || !project.enabled) {
                        return Uni.createFrom().item(AuthOutcome.refused("project_disabled",
                                "Invalid application credential ID or secret", cred.userId, credentialId));
                    }
                    return rolesOn(user.id, project.id).chain(userRoles -> {
                        Set<String> held = userRoles.stream().map(RoleRef::id).collect(Collectors.toSet());
                        List<RoleRef> granted = BuiltInRoles.withImplied(cred.roleIds).stream()
                                .filter(r -> held.contains(r.id())).toList();
                        if (granted.isEmpty()) {
                            return Uni.createFrom().item(AuthOutcome.refused("role_lost",
                                    "Invalid application credential ID or secret", cred.userId, credentialId));
                        }
                        // last use is kept to the minute: writing it on every token would make every
                        // authentication with one credential wait for the previous one's row lock
                        if (cred.lastUsedAt == null || cred.lastUsedAt.isBefore(now.minus(LAST_USE_RESOLUTION))
                                || !java.util.Objects.equals(cred.lastUsedFrom, origin.sourceAddress())) {
                            cred.lastUsedAt = now;
                            cred.lastUsedFrom = origin.sourceAddress();
                        }
                        return issue(user, project, granted, List.of("application_credential"), cred, origin,
                                cred.expiresAt);
                    });
                });
            });
        });
    }

    /** The roles (with implied ones) a user holds on a project. */
    public Uni<List<RoleRef>> rolesOn(String userId, String projectId) {
        return assignments.forUserOnProject(userId, projectId)
                .map(list -> BuiltInRoles.withImplied(list.stream().map(a -> a.key.roleId()).toList()));
    }

    private Uni<Project> resolveProject(ProjectRef scope, IdentityUser user) {
        if (scope == null) {
            return user.defaultProjectId == null ? Uni.createFrom().nullItem() : projects.findById(user.defaultProjectId);
        }
        if (scope.id() != null) {
            return projects.findById(scope.id());
        }
        if (!isDefaultDomain(scope.domainId(), scope.domainName())) {
            return Uni.createFrom().nullItem();
        }
        return projects.findByName(DEFAULT_DOMAIN_ID, scope.name());
    }

    private Uni<AuthOutcome> issue(IdentityUser user, Project project, List<RoleRef> roles, List<String> methods,
            ApplicationCredential cred, Origin origin, Instant notAfter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(config.tokens().lifetime());
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter.truncatedTo(ChronoUnit.SECONDS);
        }
        IssuedToken token = new IssuedToken(null, SecretGenerator.newAuditId(), now, expires, methods, user.id,
                user.name, project == null ? null : project.id, project == null ? null : project.name, roles,
                cred == null ? null : cred.id, cred == null ? null : cred.name, cred != null && cred.unrestricted);
        IssuedToken signed = token.withJwt(codec.sign(token));
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("audit_id", signed.auditId());
        state.put("methods", methods);
        state.put("expires_at", expires.toString());
        state.put("roles", roles.stream().map(RoleRef::name).toList());
        return events.changed(origin.as(user.id, signed.projectId(), signed.applicationCredentialId(),
                        roles.stream().map(RoleRef::name).toList()), "token", "issued",
                        new Target("token", signed.auditId(), null, signed.projectId(), user.id), state)
                .replaceWith(AuthOutcome.ok(signed));
    }

}

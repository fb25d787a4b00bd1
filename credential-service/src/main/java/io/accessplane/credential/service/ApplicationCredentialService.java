package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.PasswordHasher;
import io.accessplane.credential.crypto.SecretGenerator;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.AccessRule;
import io.accessplane.credential.repository.AccessRuleRepository;
import io.accessplane.credential.repository.ApplicationCredential;
import io.accessplane.credential.repository.ApplicationCredentialRepository;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rest.Views.AccessRuleView;
import io.accessplane.credential.rest.Views.ApplicationCredentialView;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.credential.service.BuiltInRoles.RoleRef;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Application credentials with Keystone's semantics: for yourself only, roles a subset of the token's. */
@ApplicationScoped
public class ApplicationCredentialService {

    /** A validated create request. The secret is null when one should be generated. */
    public record NewCredential(String name, String description, String secret, Instant expiresAt,
            List<String> roles, boolean unrestricted, List<NewAccessRule> accessRules) {
        @Override
        public String toString() {
            return "NewCredential[name=" + name + ", expiresAt=" + expiresAt + ", roles=" + roles + "]";
        }
    }

    /** An access rule given inline, or by id of an existing one. */
    public record NewAccessRule(String id, String service, String path, String method) {
    }

    private final ApplicationCredentialRepository credentials;
    private final AccessRuleRepository accessRules;
    private final CredentialCascade cascade;
    private final IdentityEvents events;
    private final PasswordHasher hasher;
    private final Guard guard;
    private final Vertx vertx;
    private final String base;

    public ApplicationCredentialService(ApplicationCredentialRepository credentials, AccessRuleRepository accessRules,
            CredentialCascade cascade, IdentityEvents events, PasswordHasher hasher, Guard guard, Vertx vertx,
            IdentityConfig config) {
        this.credentials = credentials;
        this.accessRules = accessRules;
        this.cascade = cascade;
        this.events = events;
        this.hasher = hasher;
        this.guard = guard;
        this.vertx = vertx;
        this.base = config.catalog().identityUrl();
    }

    /** Creates a credential for the caller itself; the secret appears only in this answer. */
    public Uni<ApplicationCredentialView> create(Caller caller, String userId, NewCredential request) {
        return guard.check(caller, Action.CREATE_APPLICATION_CREDENTIAL, "application_credential", userId,
                        caller.projectId())
                .chain(() -> restrictedCheck(caller, Action.CREATE_APPLICATION_CREDENTIAL, userId))
                .chain(() -> {
                    if (caller.projectId() == null) {
                        return Uni.createFrom().failure(KeystoneException.badRequest(
                                "An application credential needs a project-scoped token."));
                    }
                    if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
                        return Uni.createFrom().failure(KeystoneException.badRequest(
                                "The expiration time must be in the future."));
                    }
                    List<RoleRef> roles;
                    try {
                        roles = grantedRoles(caller, request.roles());
                    } catch (KeystoneException e) {
                        return Uni.createFrom().failure(e);
                    }
                    String secret = request.secret() != null ? request.secret() : SecretGenerator.newSecret();
                    return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(secret)))
                            .chain(hash -> insert(caller, userId, request, roles, hash, secret));
                });
    }

    @WithTransaction
    Uni<ApplicationCredentialView> insert(Caller caller, String userId, NewCredential r, List<RoleRef> roles,
            String hash, String secret) {
        return credentials.findByName(userId, r.name()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(r.name()));
            }
            ApplicationCredential c = new ApplicationCredential();
            c.id = SecretGenerator.newId();
            c.userId = userId;
            c.projectId = caller.projectId();
            c.name = r.name();
            c.description = r.description();
            c.secretHash = hash;
            c.expiresAt = r.expiresAt();
            c.unrestricted = r.unrestricted();
            c.roleIds = roles.stream().map(RoleRef::id).collect(Collectors.toCollection(LinkedHashSet::new));
            return resolveRules(userId, r.accessRules()).chain(rules -> {
                c.accessRuleIds = rules.stream().map(a -> a.id).collect(Collectors.toCollection(LinkedHashSet::new));
                return credentials.persistAndFlush(c)
                        .onFailure(KeystoneException::isUniqueViolation).transform(e -> duplicate(r.name()))
                        .chain(() -> credentials.findById(c.id))
                        .map(saved -> ApplicationCredentialView.of(saved, rules, null, base))
                        .call(view -> events.changed(caller.toInitiator(), "application_credential", "created",
                                new Target("application_credential", c.id, c.name, c.projectId, userId), view))
                        .map(view -> ApplicationCredentialView.of(c, rules, secret, base));
            });
        });
    }

    /** A user's credentials, optionally by name. */
    @WithTransaction
    public Uni<List<ApplicationCredentialView>> list(Caller caller, String userId, String name) {
        return guard.check(caller, Action.LIST_APPLICATION_CREDENTIALS, "application_credential", userId, null)
                .chain(() -> credentials.forUser(userId))
                .chain(list -> rulesFor(userId).map(rules -> list.stream()
                        .filter(c -> name == null || name.equals(c.name))
                        .map(c -> view(c, rules)).toList()));
    }

    /** One credential of a user. */
    @WithTransaction
    public Uni<ApplicationCredentialView> get(Caller caller, String userId, String id) {
        return guard.check(caller, Action.GET_APPLICATION_CREDENTIAL, "application_credential", userId, null)
                .chain(() -> owned(userId, id))
                .chain(c -> rulesFor(userId).map(rules -> view(c, rules)));
    }

    /** Deletes a credential; tokens minted from it are revoked. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String userId, String id) {
        return guard.check(caller, Action.DELETE_APPLICATION_CREDENTIAL, "application_credential", userId, null)
                .chain(() -> restrictedCheck(caller, Action.DELETE_APPLICATION_CREDENTIAL, userId))
                .chain(() -> owned(userId, id))
                .chain(c -> cascade.delete(caller.toInitiator(), List.of(c), null));
    }

    /** A user's access rules. */
    @WithTransaction
    public Uni<List<AccessRuleView>> listAccessRules(Caller caller, String userId) {
        return guard.check(caller, Action.LIST_ACCESS_RULES, "access_rule", userId, null)
                .chain(() -> accessRules.list("userId", userId))
                .map(list -> list.stream().map(r -> AccessRuleView.of(r, base)).toList());
    }

    /** One access rule. */
    @WithTransaction
    public Uni<AccessRuleView> getAccessRule(Caller caller, String userId, String id) {
        return guard.check(caller, Action.GET_ACCESS_RULE, "access_rule", userId, null)
                .chain(() -> accessRules.findById(id))
                .map(r -> {
                    if (r == null || !r.userId.equals(userId)) {
                        throw KeystoneException.notFound("access rule", id);
                    }
                    return AccessRuleView.of(r, base);
                });
    }

    /** Deletes an access rule no credential uses (403 otherwise, as Keystone). */
    @WithTransaction
    public Uni<Void> deleteAccessRule(Caller caller, String userId, String id) {
        return guard.check(caller, Action.DELETE_ACCESS_RULE, "access_rule", userId, null)
                .chain(() -> accessRules.findById(id))
                .chain(r -> {
                    if (r == null || !r.userId.equals(userId)) {
                        return Uni.createFrom().failure(KeystoneException.notFound("access rule", id));
                    }
                    return credentials.forUser(userId).chain(list -> list.stream().anyMatch(c -> c.accessRuleIds.contains(id))
                            ? Uni.createFrom().failure(KeystoneException.forbidden(
                                    "Cannot delete access rule " + id + " because it is still in use."))
                            : accessRules.deleteRow(r));
                });
    }

    private Uni<Void> restrictedCheck(Caller caller, Action action, String userId) {
        if (caller.viaApplicationCredential() && !caller.applicationCredentialUnrestricted()) {
            return guard.deny(caller, action, "application_credential", userId, caller.projectId(), userId);
        }
        return Uni.createFrom().voidItem();
    }

    /** The roles a new credential gets: the requested ones (all must be held by the token), or the token's. */
    static List<RoleRef> grantedRoles(Caller caller, List<String> requested) {
        Set<String> held = caller.roles();
        if (requested == null) {
            List<String> ids = BuiltInRoles.ALL.stream().filter(r -> held.contains(r.name())).map(RoleRef::id).toList();
            if (ids.isEmpty()) {
                throw KeystoneException.badRequest("The token holds no role to delegate.");
            }
            return BuiltInRoles.withImplied(ids);
        }
        if (requested.isEmpty()) {
            throw KeystoneException.invalidField("roles", "must name at least one role");
        }
        List<String> ids = new ArrayList<>();
        for (String idOrName : requested) {
            RoleRef role = BuiltInRoles.find(idOrName).orElse(null);
            if (role == null || !held.contains(role.name())) {
                throw KeystoneException.badRequest("Failed to create application credential - "
                        + "the requested roles are not a subset of the token's roles: unassigned role "
                        + (role == null ? "requested" : role.name()) + ".");
            }
            ids.add(role.id());
        }
        return BuiltInRoles.withImplied(ids);
    }

    private Uni<List<AccessRule>> resolveRules(String userId, List<NewAccessRule> requested) {
        if (requested == null || requested.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<AccessRule>> chain = Uni.createFrom().item(new ArrayList<>());
        for (NewAccessRule r : requested) {
            chain = chain.chain(acc -> {
                if (r.id() != null) {
                    return accessRules.findById(r.id()).map(found -> {
                        if (found == null || !found.userId.equals(userId)) {
                            throw KeystoneException.notFound("access rule", r.id());
                        }
                        acc.add(found);
                        return acc;
                    });
                }
                return accessRules.find("userId = ?1 and service = ?2 and path = ?3 and method = ?4", userId,
                        r.service(), r.path(), r.method()).firstResult().chain(found -> {
                            if (found != null) {
                                acc.add(found);
                                return Uni.createFrom().item(acc);
                            }
                            AccessRule rule = new AccessRule();
                            rule.id = SecretGenerator.newId();
                            rule.userId = userId;
                            rule.service = r.service();
                            rule.path = r.path();
                            rule.method = r.method();
                            return accessRules.persist(rule).map(x -> {
                                acc.add(rule);
                                return acc;
                            });
                        });
            });
        }
        return chain;
    }

    private Uni<List<AccessRule>> rulesFor(String userId) {
        return accessRules.list("userId", userId);
    }

    private ApplicationCredentialView view(ApplicationCredential c, List<AccessRule> userRules) {
        List<AccessRule> mine = userRules.stream().filter(r -> c.accessRuleIds.contains(r.id)).toList();
        return ApplicationCredentialView.of(c, mine, null, base);
    }

    private Uni<ApplicationCredential> owned(String userId, String id) {
        return credentials.findById(id).map(c -> {
            if (c == null || !c.userId.equals(userId)) {
                throw KeystoneException.notFound("application credential", id);
            }
            return c;
        });
    }

    private static KeystoneException duplicate(String name) {
        return KeystoneException.conflict("Conflict occurred attempting to store application_credential - "
                + "Duplicate entry found with name " + name + ".");
    }
}

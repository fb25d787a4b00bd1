package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.PasswordHasher;
import io.accessplane.credential.crypto.SecretGenerator;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.ApplicationCredentialRepository;
import io.accessplane.credential.repository.IdentityUser;
import io.accessplane.credential.repository.ProjectRepository;
import io.accessplane.credential.repository.UserRepository;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rest.Views.UserView;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.RevocationList;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Users: create, list, show, update (incl. enable/disable and password), delete, change own password. */
@ApplicationScoped
public class UserService {

    /** What may change in an update; null means unchanged. */
    public record UserChanges(String name, Boolean enabled, String password, String defaultProjectId,
            String description, String email) {
        @Override
        public String toString() {
            return "UserChanges[name=" + name + ", enabled=" + enabled + ", password=" + (password == null ? "-" : "***")
                    + "]";
        }
    }

    private final UserRepository users;
    private final ProjectRepository projects;
    private final ApplicationCredentialRepository credentials;
    private final CredentialCascade cascade;
    private final IdentityEvents events;
    private final PasswordHasher hasher;
    private final RevocationList revocations;
    private final Guard guard;
    private final AuthStore authStore;
    private final ProjectService projectsOfUser;
    private final Vertx vertx;
    private final String base;

    public UserService(UserRepository users, ProjectRepository projects, ApplicationCredentialRepository credentials,
            CredentialCascade cascade, IdentityEvents events, PasswordHasher hasher, RevocationList revocations,
            Guard guard, AuthStore authStore, ProjectService projectsOfUser, Vertx vertx, IdentityConfig config) {
        this.users = users;
        this.projects = projects;
        this.credentials = credentials;
        this.cascade = cascade;
        this.events = events;
        this.hasher = hasher;
        this.revocations = revocations;
        this.guard = guard;
        this.authStore = authStore;
        this.projectsOfUser = projectsOfUser;
        this.vertx = vertx;
        this.base = config.catalog().identityUrl();
    }

    /** Creates a user (admin); the password is hashed off the event loop before the transaction. */
    public Uni<UserView> create(Caller caller, UserChanges u) {
        return guard.check(caller, Action.CREATE_USER, "user", null, null)
                .chain(() -> hash(u.password()))
                .chain(hash -> insert(caller, u, hash));
    }

    @WithTransaction
    Uni<UserView> insert(Caller caller, UserChanges u, String hash) {
        return users.findByName(AuthStore.DEFAULT_DOMAIN_ID, u.name())
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(KeystoneException.conflict(
                                "Conflict occurred attempting to store user - Duplicate entry found with name "
                                        + u.name() + " at domain ID default."))
                        : checkProject(u.defaultProjectId()))
                .chain(() -> {
                    IdentityUser user = new IdentityUser();
                    user.id = SecretGenerator.newId();
                    user.name = u.name();
                    user.domainId = AuthStore.DEFAULT_DOMAIN_ID;
                    user.enabled = u.enabled() == null || u.enabled();
                    user.passwordHash = hash;
                    user.passwordChangedAt = hash == null ? null : Instant.now();
                    user.defaultProjectId = u.defaultProjectId();
                    user.description = u.description() == null ? "" : u.description();
                    user.email = u.email();
                    return users.persistAndFlush(user).map(x -> UserView.of(user, base))
                            .call(view -> events.changed(caller.toInitiator(), "user", "created",
                                    new Target("user", user.id, user.name, user.defaultProjectId, user.id), view));
                });
    }

    /** Users (admin), optionally by name and enabled state. */
    @WithTransaction
    public Uni<List<UserView>> list(Caller caller, String name, Boolean enabled) {
        return guard.check(caller, Action.LIST_USERS, "user", null, null)
                .chain(() -> users.list("order by name"))
                .map(list -> list.stream()
                        .filter(u -> name == null || name.equals(u.name))
                        .filter(u -> enabled == null || enabled == u.enabled)
                        .map(u -> UserView.of(u, base)).toList());
    }

    /** A user by id: admin or the user itself. */
    @WithTransaction
    public Uni<UserView> get(Caller caller, String id) {
        return guard.check(caller, Action.GET_USER, "user", id, null)
                .chain(() -> users.findById(id))
                .map(u -> {
                    if (u == null) {
                        throw KeystoneException.notFound("user", id);
                    }
                    return UserView.of(u, base);
                });
    }

    /** Updates a user (admin). Disabling revokes its tokens and deletes its application credentials. */
    public Uni<UserView> update(Caller caller, String id, UserChanges changes) {
        return guard.check(caller, Action.UPDATE_USER, "user", id, null)
                .chain(() -> hash(changes.password()))
                .chain(hash -> apply(caller, id, changes, hash));
    }

    @WithTransaction
    Uni<UserView> apply(Caller caller, String id, UserChanges c, String hash) {
        return users.findById(id).chain(user -> {
            if (user == null) {
                return Uni.createFrom().failure(KeystoneException.notFound("user", id));
            }
            Uni<Void> checks = c.defaultProjectId() != null ? checkProject(c.defaultProjectId()) : Uni.createFrom().voidItem();
            if (c.name() != null && !c.name().equals(user.name)) {
                checks = checks.chain(() -> users.findByName(AuthStore.DEFAULT_DOMAIN_ID, c.name()))
                        .chain(other -> other != null ? Uni.createFrom().failure(KeystoneException.conflict(
                                "Conflict occurred attempting to store user - Duplicate entry found with name "
                                        + c.name() + " at domain ID default.")) : Uni.createFrom().voidItem());
            }
            boolean disabling = Boolean.FALSE.equals(c.enabled()) && user.enabled;
            return checks.chain(() -> {
                if (c.name() != null) {
                    user.name = c.name();
                }
                if (c.enabled() != null) {
                    user.enabled = c.enabled();
                    if (c.enabled()) {
                        user.failedAuthCount = 0;
                        user.failedAuthAt = null;
                    }
                }
                if (hash != null) {
                    user.passwordHash = hash;
                    user.passwordChangedAt = Instant.now();
                    user.failedAuthCount = 0;
                    user.failedAuthAt = null;
                }
                if (c.defaultProjectId() != null) {
                    user.defaultProjectId = c.defaultProjectId();
                }
                if (c.description() != null) {
                    user.description = c.description();
                }
                if (c.email() != null) {
                    user.email = c.email();
                }
                Revocation revocation = disabling || hash != null
                        ? IdentityEvents.revoke(Revocation.Kind.USER, user.id) : null;
                UserView view = UserView.of(user, base);
                Uni<Void> cascadeDone = disabling
                        ? credentials.list("userId", user.id)
                                .chain(list -> cascade.delete(caller.toInitiator(), list, "user_disabled"))
                        : Uni.createFrom().voidItem();
                return cascadeDone
                        .chain(() -> events.changed(caller.toInitiator(), "user", "updated",
                                new Target("user", user.id, user.name, user.defaultProjectId, user.id), view,
                                disabling ? "disabled" : null, revocation))
                        .invoke(() -> {
                            if (revocation != null) {
                                revocations.add(revocation);
                            }
                        })
                        .replaceWith(view);
            });
        });
    }

    /** Deletes a user with its credentials (admin); its tokens are revoked. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return guard.check(caller, Action.DELETE_USER, "user", id, null)
                .chain(() -> users.findById(id))
                .chain(user -> {
                    if (user == null) {
                        return Uni.createFrom().failure(KeystoneException.notFound("user", id));
                    }
                    Revocation revocation = IdentityEvents.revoke(Revocation.Kind.USER, user.id);
                    return credentials.list("userId", user.id)
                            .chain(list -> cascade.delete(caller.toInitiator(), list, "user_deleted"))
                            .chain(() -> users.deleteRow(user))
                            .chain(() -> events.changed(caller.toInitiator(), "user", "deleted",
                                    new Target("user", user.id, user.name, user.defaultProjectId, user.id),
                                    UserView.of(user, base), null, revocation))
                            .invoke(() -> revocations.add(revocation));
                });
    }

    /** A user changes its own password, proving the old one. */
    public Uni<Void> changePassword(Caller caller, String id, String original, String password) {
        return guard.check(caller, Action.CHANGE_PASSWORD, "user", id, null)
                .chain(() -> authStore.findUser(new AuthRequest.UserRef(id, null, null, null)))
                .chain(user -> {
                    if (user == null) {
                        return Uni.createFrom().failure(KeystoneException.notFound("user", id));
                    }
                    String stored = user.passwordHash;
                    return vertx.executeBlocking(Uni.createFrom().item(() -> stored != null && hasher.verify(original, stored)));
                })
                .chain(ok -> ok ? hash(password).chain(h -> apply(caller, id,
                                new UserChanges(null, null, password, null, null, null), h)).replaceWithVoid()
                        : Uni.createFrom().failure(KeystoneException.unauthorized("Error when changing user password: "
                                + "the original password is wrong.")));
    }

    private Uni<Void> checkProject(String projectId) {
        if (projectId == null) {
            return Uni.createFrom().voidItem();
        }
        return projects.findById(projectId).chain(p -> p == null
                ? Uni.createFrom().failure(KeystoneException.notFound("project", projectId))
                : Uni.createFrom().voidItem());
    }

    private Uni<String> hash(String password) {
        if (password == null) {
            return Uni.createFrom().nullItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> hasher.hash(password)));
    }

    /** The projects a user holds a role on. */
    @WithTransaction
    public Uni<List<io.accessplane.credential.rest.Views.ProjectView>> projectsOf(String userId) {
        return projectsOfUser.scopableBy(userId);
    }
}

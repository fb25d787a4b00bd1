package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.PasswordHasher;
import io.accessplane.credential.crypto.SecretGenerator;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.IdentityUser;
import io.accessplane.credential.repository.Project;
import io.accessplane.credential.repository.ProjectRepository;
import io.accessplane.credential.repository.RoleAssignment;
import io.accessplane.credential.repository.RoleAssignmentRepository;
import io.accessplane.credential.repository.UserRepository;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Target;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Makes sure the bootstrap administrator exists at start, as {@code keystone-manage bootstrap}
 * does: project {@code admin}, user {@code admin} with the configured password, role admin on the
 * project. Idempotent; a changed password is applied.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final IdentityConfig config;
    private final UserRepository users;
    private final ProjectRepository projects;
    private final RoleAssignmentRepository assignments;
    private final PasswordHasher hasher;
    private final IdentityEvents events;

    public BootstrapAdmin(IdentityConfig config, UserRepository users, ProjectRepository projects,
            RoleAssignmentRepository assignments, PasswordHasher hasher, IdentityEvents events) {
        this.config = config;
        this.users = users;
        this.projects = projects;
        this.assignments = assignments;
        this.hasher = hasher;
        this.events = events;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        IdentityConfig.Bootstrap b = config.bootstrap();
        if (!b.enabled()) {
            return;
        }
        if (b.password().isEmpty() || b.password().get().isEmpty()) {
            LOG.warn("no bootstrap admin password (ACCESSPLANE_ADMIN_PASSWORD): no administrator is created");
            return;
        }
        String password = b.password().get();
        String hash = hasher.hash(password);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ensure(b, password, hash)));
        LOG.infof("bootstrap admin '%s' on project '%s' is in place", b.username(), b.projectName());
    }

    private Uni<Void> ensure(IdentityConfig.Bootstrap b, String password, String hash) {
        Initiator system = Initiator.system("credential-service");
        return projects.findByName(AuthStore.DEFAULT_DOMAIN_ID, b.projectName()).chain(project -> {
            if (project != null) {
                return Uni.createFrom().item(project);
            }
            Project p = new Project();
            p.id = SecretGenerator.newId();
            p.name = b.projectName();
            p.domainId = AuthStore.DEFAULT_DOMAIN_ID;
            p.description = "Bootstrap project for initializing the cloud.";
            p.enabled = true;
            return projects.persist(p).call(() -> events.changed(system, "project", "created",
                    new Target("project", p.id, p.name, p.id, null), Map.of("id", p.id, "name", p.name)));
        }).chain(project -> users.findByName(AuthStore.DEFAULT_DOMAIN_ID, b.username()).chain(user -> {
            if (user != null) {
                boolean changed = false;
                if (user.passwordHash == null || !hasher.verify(password, user.passwordHash)) {
                    user.passwordHash = hash;
                    user.passwordChangedAt = Instant.now();
                    changed = true;
                }
                if (!user.enabled) {
                    user.enabled = true;
                    changed = true;
                }
                user.failedAuthCount = 0;
                user.failedAuthAt = null;
                return (changed ? events.changed(system, "user", "updated",
                        new Target("user", user.id, user.name, project.id, user.id),
                        Map.of("id", user.id, "name", user.name, "enabled", true)) : Uni.createFrom().voidItem())
                        .replaceWith(user);
            }
            IdentityUser u = new IdentityUser();
            u.id = SecretGenerator.newId();
            u.name = b.username();
            u.domainId = AuthStore.DEFAULT_DOMAIN_ID;
            u.enabled = true;
            u.passwordHash = hash;
            u.passwordChangedAt = Instant.now();
            u.defaultProjectId = project.id;
            u.description = "Bootstrap administrator";
            return users.persist(u).call(() -> events.changed(system, "user", "created",
                    new Target("user", u.id, u.name, project.id, u.id), Map.of("id", u.id, "name", u.name)));
        }).chain(user -> {
            RoleAssignment.Key key = new RoleAssignment.Key(user.id, project.id, BuiltInRoles.ADMIN.id());
            return assignments.findById(key).chain(a -> a != null ? Uni.createFrom().voidItem()
                    : assignments.persist(new RoleAssignment(key)).chain(() -> events.changed(system,
                            "role_assignment", "created",
                            new Target("role_assignment", user.id + ":" + project.id + ":" + key.roleId(), "admin",
                                    project.id, user.id),
                            Map.of("user_id", user.id, "project_id", project.id, "role_id", key.roleId(),
                                    "role_name", "admin"))));
        }));
    }
}

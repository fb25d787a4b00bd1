package io.accessplane.credential.service;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.SecretGenerator;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.Project;
import io.accessplane.credential.repository.ProjectRepository;
import io.accessplane.credential.repository.RoleAssignmentRepository;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rest.Views.ProjectView;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Projects: create, list, show, delete (admin), and the projects a caller may scope to. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final RoleAssignmentRepository assignments;
    private final IdentityEvents events;
    private final Guard guard;
    private final io.accessplane.credential.repository.ApplicationCredentialRepository credentials;
    private final CredentialCascade cascade;
    private final String base;

    public ProjectService(ProjectRepository projects, RoleAssignmentRepository assignments, IdentityEvents events,
            Guard guard, io.accessplane.credential.repository.ApplicationCredentialRepository credentials,
            CredentialCascade cascade, IdentityConfig config) {
        this.projects = projects;
        this.assignments = assignments;
        this.events = events;
        this.guard = guard;
        this.credentials = credentials;
        this.cascade = cascade;
        this.base = config.catalog().identityUrl();
    }

    /** Creates a project in the default domain; 409 when the name is taken. */
    @WithTransaction
    public Uni<ProjectView> create(Caller caller, String name, String description, boolean enabled) {
        return guard.check(caller, Action.CREATE_PROJECT, "project", null, null)
                .chain(() -> projects.findByName(AuthStore.DEFAULT_DOMAIN_ID, name))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(KeystoneException.conflict(
                                "Conflict occurred attempting to store project - it is not permitted to have two "
                                        + "projects with the same name in the same domain : " + name + "."));
                    }
                    Project p = new Project();
                    p.id = SecretGenerator.newId();
                    p.name = name;
                    p.domainId = AuthStore.DEFAULT_DOMAIN_ID;
                    p.description = description == null ? "" : description;
                    p.enabled = enabled;
                    return projects.persistAndFlush(p).map(x -> ProjectView.of(p, base))
                            .call(view -> events.changed(caller.toInitiator(), "project", "created",
                                    new Target("project", p.id, p.name, p.id, null), view));
                });
    }

    /** Every project (admin), optionally by name. */
    @WithTransaction
    public Uni<List<ProjectView>> list(Caller caller, String name) {
        return guard.check(caller, Action.LIST_PROJECTS, "project", null, null)
                .chain(() -> name == null ? projects.list("order by name") : projects.list("name", name))
                .map(list -> list.stream().map(p -> ProjectView.of(p, base)).toList());
    }

    /** One project by id or name: admin, or a member of it. */
    @WithTransaction
    public Uni<ProjectView> get(Caller caller, String idOrName) {
        return projects.findById(idOrName)
                .chain(p -> p != null ? Uni.createFrom().item(p)
                        : projects.findByName(AuthStore.DEFAULT_DOMAIN_ID, idOrName))
                .chain(p -> {
                    if (p == null) {
                        return caller.isAdmin() ? Uni.createFrom().failure(KeystoneException.notFound("project", idOrName))
                                : guard.check(caller, Action.GET_PROJECT, "project", null, idOrName)
                                        .replaceWith(Uni.createFrom().failure(KeystoneException.notFound("project", idOrName)));
                    }
                    return guard.check(caller, Action.GET_PROJECT, "project", null, p.id).map(x -> ProjectView.of(p, base));
                });
    }

    /** Deletes a project with its assignments and credentials (admin). */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return guard.check(caller, Action.DELETE_PROJECT, "project", null, id)
                .chain(() -> projects.findById(id))
                .chain(p -> p == null ? Uni.createFrom().failure(KeystoneException.notFound("project", id))
                        : credentials.list("projectId", p.id)
                                .chain(list -> cascade.delete(caller.toInitiator(), list, "project_deleted"))
                                .chain(() -> projects.deleteRow(p))
                                .call(() -> events.changed(caller.toInitiator(), "project", "deleted",
                                        new Target("project", p.id, p.name, p.id, null), ProjectView.of(p, base))));
    }

    /** The projects where the caller holds a role. */
    public Uni<List<ProjectView>> scopableBy(Caller caller) {
        return scopableBy(caller.userId());
    }

    /** The enabled projects where a user holds a role. */
    @WithTransaction
    public Uni<List<ProjectView>> scopableBy(String userId) {
        return assignments.forUser(userId)
                .map(list -> list.stream().map(a -> a.key.projectId()).distinct().toList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Project>of())
                        : projects.list("id in ?1 order by name", ids))
                .map(list -> list.stream().filter(p -> p.enabled).map(p -> ProjectView.of(p, base)).toList());
    }
}

package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Projects by id and by name within a domain. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    /** The project with this name in the domain, or null. */
    public Uni<Project> findByName(String domainId, String name) {
        return find("domainId = ?1 and name = ?2", domainId, name).firstResult();
    }

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(Project p) {
        return delete("id", p.id).replaceWithVoid();
    }
}

package io.accessplane.secgroup.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Security groups by project. */
@ApplicationScoped
public class SecurityGroupRepository implements PanacheRepositoryBase<SecurityGroup, UUID> {

    /** The project's groups, oldest first. */
    public Uni<List<SecurityGroup>> inProject(String projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }

    /** Every group, oldest first (admins listing across projects). */
    public Uni<List<SecurityGroup>> everywhere() {
        return list("order by createdAt, id");
    }

    /** The project's default group, or null. */
    public Uni<SecurityGroup> defaultOf(String projectId) {
        return find("projectId = ?1 and isDefault = true", projectId).firstResult();
    }

    /** How many groups the project has. */
    public Uni<Long> countIn(String projectId) {
        return count("projectId", projectId);
    }

    /** Serialises the project's quota checks and default-group creation until the transaction ends. */
    public Uni<Void> lockProject(String projectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:p))")
                .setParameter("p", "secgroups:" + projectId).getSingleResult()).replaceWithVoid();
    }

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(SecurityGroup g) {
        return delete("id", g.id).replaceWithVoid();
    }
}

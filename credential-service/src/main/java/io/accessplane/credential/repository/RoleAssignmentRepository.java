package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Role assignments of users on projects. */
@ApplicationScoped
public class RoleAssignmentRepository implements PanacheRepositoryBase<RoleAssignment, RoleAssignment.Key> {

    /** The role ids a user holds directly on a project. */
    public Uni<List<RoleAssignment>> forUserOnProject(String userId, String projectId) {
        return list("key.userId = ?1 and key.projectId = ?2", userId, projectId);
    }

    /** Every assignment of a user. */
    public Uni<List<RoleAssignment>> forUser(String userId) {
        return list("key.userId", userId);
    }

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(RoleAssignment a) {
        return delete("key.userId = ?1 and key.projectId = ?2 and key.roleId = ?3", a.key.userId(),
                a.key.projectId(), a.key.roleId()).replaceWithVoid();
    }
}

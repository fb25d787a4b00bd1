package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Application credentials by id, owner and name. */
@ApplicationScoped
public class ApplicationCredentialRepository implements PanacheRepositoryBase<ApplicationCredential, String> {

    /** A user's credentials, by name. */
    public Uni<List<ApplicationCredential>> forUser(String userId) {
        return list("userId = ?1 order by name", userId);
    }

    /** A user's credential with this name, or null. */
    public Uni<ApplicationCredential> findByName(String userId, String name) {
        return find("userId = ?1 and name = ?2", userId, name).firstResult();
    }

    /** The credentials of a user on a project. */
    public Uni<List<ApplicationCredential>> forUserOnProject(String userId, String projectId) {
        return list("userId = ?1 and projectId = ?2", userId, projectId);
    }

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(ApplicationCredential c) {
        return delete("id", c.id).replaceWithVoid();
    }
}

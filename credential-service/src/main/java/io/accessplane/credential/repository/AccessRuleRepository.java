package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's access rules. */
@ApplicationScoped
public class AccessRuleRepository implements PanacheRepositoryBase<AccessRule, String> {

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(AccessRule r) {
        return delete("id", r.id).replaceWithVoid();
    }
}

package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Users by id and by name within a domain. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<IdentityUser, String> {

    /** The user with this name in the domain, or null. */
    public Uni<IdentityUser> findByName(String domainId, String name) {
        return find("domainId = ?1 and name = ?2", domainId, name).firstResult();
    }
}

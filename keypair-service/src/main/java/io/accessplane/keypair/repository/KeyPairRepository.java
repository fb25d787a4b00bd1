package io.accessplane.keypair.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Key pairs by user and name. */
@ApplicationScoped
public class KeyPairRepository implements PanacheRepository<KeyPair> {

    /** A user's key pair by name, or null. */
    public Uni<KeyPair> findByName(String userId, String name) {
        return find("userId = ?1 and name = ?2", userId, name).firstResult();
    }

    /** A page of a user's key pairs by name, after {@code marker} (exclusive), at most {@code limit}. */
    public Uni<List<KeyPair>> page(String userId, String marker, int limit) {
        var query = marker == null ? find("userId = ?1 order by name", userId)
                : find("userId = ?1 and name > ?2 order by name", userId, marker);
        return query.page(0, limit).list();
    }

    /** How many key pairs a user holds. */
    public Uni<Long> countFor(String userId) {
        return count("userId", userId);
    }

    /** Serialises quota checks and creates of one user until the transaction ends. */
    public Uni<Void> lockUser(String userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:u))")
                .setParameter("u", "keypairs:" + userId).getSingleResult()).replaceWithVoid();
    }

    /**
     * Deletes the row with a query rather than {@code delete(entity)}: removing a managed entity
     * under concurrent requests can resume on another event loop (quarkusio/quarkus#41945).
     */
    public Uni<Void> deleteRow(KeyPair k) {
        return delete("id", k.id).replaceWithVoid();
    }
}

package io.accessplane.secgroup.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Per-project quota overrides. */
@ApplicationScoped
public class QuotaLimitRepository implements PanacheRepositoryBase<QuotaLimit, QuotaLimit.Key> {

    /** The project's overrides. */
    public Uni<List<QuotaLimit>> ofProject(String projectId) {
        return list("key.projectId", projectId);
    }

    /** Drops the project's overrides (back to the defaults). */
    public Uni<Long> resetProject(String projectId) {
        return delete("key.projectId", projectId);
    }
}

package io.accessplane.secgroup.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The rule template for new groups. */
@ApplicationScoped
public class DefaultSecurityGroupRuleRepository implements PanacheRepositoryBase<DefaultSecurityGroupRule, UUID> {

    /** The whole template, oldest first. */
    public Uni<List<DefaultSecurityGroupRule>> template() {
        return list("order by createdAt, id");
    }

    /** Deletes the row with a query (see {@link SecurityGroupRepository#deleteRow}). */
    public Uni<Void> deleteRow(DefaultSecurityGroupRule r) {
        return delete("id", r.id).replaceWithVoid();
    }
}

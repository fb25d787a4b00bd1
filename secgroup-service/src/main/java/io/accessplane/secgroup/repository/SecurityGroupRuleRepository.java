package io.accessplane.secgroup.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Security group rules by group and project. */
@ApplicationScoped
public class SecurityGroupRuleRepository implements PanacheRepositoryBase<SecurityGroupRule, UUID> {

    /** The rules of the given groups, oldest first. */
    public Uni<List<SecurityGroupRule>> ofGroups(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("securityGroupId in ?1 order by createdAt, id", groupIds);
    }

    /** The rules of one group. */
    public Uni<List<SecurityGroupRule>> ofGroup(UUID groupId) {
        return list("securityGroupId = ?1 order by createdAt, id", groupId);
    }

    /** The project's rules, oldest first. */
    public Uni<List<SecurityGroupRule>> inProject(String projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }

    /** Every rule (admins listing across projects). */
    public Uni<List<SecurityGroupRule>> everywhere() {
        return list("order by createdAt, id");
    }

    /** Rules elsewhere that name {@code groupId} as their remote group (they go when it goes). */
    public Uni<List<SecurityGroupRule>> referencing(UUID groupId) {
        return list("remoteGroupId = ?1 and securityGroupId <> ?1", groupId);
    }

    /** How many rules the project has. */
    public Uni<Long> countIn(String projectId) {
        return count("projectId", projectId);
    }

    /** The stored rule with this duplicate key in the group, or null. */
    public Uni<SecurityGroupRule> withKey(UUID groupId, String duplicateKey) {
        return find("securityGroupId = ?1 and duplicateKey = ?2", groupId, duplicateKey).firstResult();
    }

    /** Deletes the row with a query (see {@link SecurityGroupRepository#deleteRow}). */
    public Uni<Void> deleteRow(SecurityGroupRule r) {
        return delete("id", r.id).replaceWithVoid();
    }
}

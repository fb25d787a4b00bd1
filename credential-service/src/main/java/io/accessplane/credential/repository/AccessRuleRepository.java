package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** A user's access rules. */
@ApplicationScoped
public class AccessRuleRepository implements PanacheRepositoryBase<AccessRule, String> {
}

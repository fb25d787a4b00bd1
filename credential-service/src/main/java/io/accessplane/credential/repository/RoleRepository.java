package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The built-in roles. */
@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<Role, String> {
}

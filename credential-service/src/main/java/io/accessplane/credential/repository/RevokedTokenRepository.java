package io.accessplane.credential.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tokens revoked before their expiry. */
@ApplicationScoped
public class RevokedTokenRepository implements PanacheRepositoryBase<RevokedToken, String> {
}

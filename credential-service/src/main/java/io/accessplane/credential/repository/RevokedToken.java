package io.accessplane.credential.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token revoked by its owner or an admin, kept until it would have expired. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken {
    @Id
    @Column(name = "audit_id")
    public String auditId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
}

package io.accessplane.credential.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user of the default domain, with its password hash and lockout counters. */
@Entity
@Table(name = "identity_user")
public class IdentityUser {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public boolean enabled;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "default_project_id")
    public String defaultProjectId;
    public String description;
    public String email;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
    @Column(name = "failed_auth_count")
    public int failedAuthCount;
    @Column(name = "failed_auth_at")
    public Instant failedAuthAt;
}

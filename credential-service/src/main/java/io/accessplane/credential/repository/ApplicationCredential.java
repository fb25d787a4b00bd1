package io.accessplane.credential.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** An application credential: a user's delegated, role-limited, optionally expiring secret. */
@Entity
@Table(name = "application_credential")
public class ApplicationCredential {
    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "project_id")
    public String projectId;
    public String name;
    public String description;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public boolean unrestricted;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "last_used_from")
    public String lastUsedFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_credential_role", joinColumns = @JoinColumn(name = "application_credential_id"))
    @Column(name = "role_id")
    public Set<String> roleIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_credential_access_rule",
            joinColumns = @JoinColumn(name = "application_credential_id"))
    @Column(name = "access_rule_id")
    public Set<String> accessRuleIds = new LinkedHashSet<>();

    /** Whether the credential has expired at the given instant. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}

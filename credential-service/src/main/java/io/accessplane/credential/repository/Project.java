package io.accessplane.credential.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project (tenant) in the default domain. */
@Entity
@Table(name = "project")
public class Project {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    public String description;
    public boolean enabled;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}

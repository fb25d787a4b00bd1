package io.accessplane.secgroup.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A project's security group (Neutron's {@code securitygroups} row plus its standard attributes). */
@Entity
@Table(name = "security_group")
public class SecurityGroup {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public String projectId;
    public String name;
    public String description;
    public boolean stateful;
    @Column(name = "is_default")
    public boolean isDefault;
    @Column(name = "revision_number")
    public long revisionNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "security_group_tag", joinColumns = @JoinColumn(name = "security_group_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();
}

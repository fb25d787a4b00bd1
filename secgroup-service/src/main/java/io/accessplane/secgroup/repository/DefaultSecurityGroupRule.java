package io.accessplane.secgroup.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A rule of the template new groups get (Neutron's default-security-group-rules). */
@Entity
@Table(name = "default_security_group_rule")
public class DefaultSecurityGroupRule {
    /** The value of {@link #remoteGroupId} that stands for the group being created. */
    public static final String PARENT = "PARENT";

    @Id
    public UUID id;
    public String direction;
    public String ethertype;
    public String protocol;
    @Column(name = "port_range_min")
    public Integer portRangeMin;
    @Column(name = "port_range_max")
    public Integer portRangeMax;
    @Column(name = "remote_ip_prefix")
    public String remoteIpPrefix;
    @Column(name = "remote_group_id")
    public String remoteGroupId;
    @Column(name = "remote_address_group_id")
    public String remoteAddressGroupId;
    public String description;
    @Column(name = "used_in_default_sg")
    public boolean usedInDefaultSg;
    @Column(name = "used_in_non_default_sg")
    public boolean usedInNonDefaultSg;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}

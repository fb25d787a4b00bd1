package io.accessplane.secgroup.repository;

import io.accessplane.secgroup.rules.NormalizedRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored, normalised security group rule. */
@Entity
@Table(name = "security_group_rule")
public class SecurityGroupRule {
    @Id
    public UUID id;
    @Column(name = "security_group_id")
    public UUID securityGroupId;
    @Column(name = "project_id")
    public String projectId;
    public String direction;
    public String ethertype;
    public String protocol;
    @Column(name = "port_range_min")
    public Integer portRangeMin;
    @Column(name = "port_range_max")
    public Integer portRangeMax;
    @Column(name = "remote_ip_prefix")
    public String remoteIpPrefix;
    @Column(name = "normalized_cidr")
    public String normalizedCidr;
    @Column(name = "remote_group_id")
    public UUID remoteGroupId;
    @Column(name = "remote_address_group_id")
    public String remoteAddressGroupId;
    public String description;
    @Column(name = "revision_number")
    public long revisionNumber;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "duplicate_key")
    public String duplicateKey;

    /** The rule as the domain sees it. */
    public NormalizedRule normalized() {
        return new NormalizedRule(securityGroupId.toString(), direction, ethertype, protocol, portRangeMin,
                portRangeMax, remoteIpPrefix, normalizedCidr, remoteGroupId == null ? null : remoteGroupId.toString(),
                remoteAddressGroupId, description);
    }

    /** A new row for a normalised rule of {@code projectId}. */
    public static SecurityGroupRule of(NormalizedRule rule, String projectId, Instant now) {
        SecurityGroupRule r = new SecurityGroupRule();
        r.id = UUID.randomUUID();
        r.securityGroupId = UUID.fromString(rule.securityGroupId());
        r.projectId = projectId;
        r.direction = rule.direction();
        r.ethertype = rule.ethertype();
        r.protocol = rule.protocol();
        r.portRangeMin = rule.portRangeMin();
        r.portRangeMax = rule.portRangeMax();
        r.remoteIpPrefix = rule.remoteIpPrefix();
        r.normalizedCidr = rule.normalizedCidr();
        r.remoteGroupId = rule.remoteGroupId() == null ? null : UUID.fromString(rule.remoteGroupId());
        r.remoteAddressGroupId = rule.remoteAddressGroupId();
        r.description = rule.description() == null ? "" : rule.description();
        r.createdAt = now;
        r.updatedAt = now;
        r.duplicateKey = rule.key().toNeutronString();
        return r;
    }
}

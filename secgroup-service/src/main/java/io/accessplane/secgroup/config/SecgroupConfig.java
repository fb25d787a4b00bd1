package io.accessplane.secgroup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the security group service ({@code accessplane.secgroups.*}). */
@ConfigMapping(prefix = "accessplane.secgroups")
public interface SecgroupConfig {

    /** Security groups a project may hold unless its quota says otherwise (Neutron: 10). */
    @WithName("quota.security-group")
    @WithDefault("10")
    int securityGroupQuota();

    /** Security group rules a project may hold, template rules included (Neutron: 100). */
    @WithName("quota.security-group-rule")
    @WithDefault("100")
    int securityGroupRuleQuota();
}

package io.accessplane.secgroup.service;

import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRule;
import java.util.List;

/** A security group with its rules, as the API shows it. */
public record GroupWithRules(SecurityGroup group, List<SecurityGroupRule> rules) {
}

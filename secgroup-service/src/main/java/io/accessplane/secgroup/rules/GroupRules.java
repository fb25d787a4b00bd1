package io.accessplane.secgroup.rules;

import java.util.List;
import java.util.Objects;

/**
 * The rules of one security group applied to a port.
 *
 * @param groupId   the group id
 * @param stateful  true for a stateful group (Neutron's default): replies to allowed connections pass
 * @param rules     the group's rules with their ids
 */
public record GroupRules(String groupId, boolean stateful, List<RuleEntry> rules) {

    /** Copies the rule list. */
    public GroupRules {
        Objects.requireNonNull(groupId, "groupId");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

package io.accessplane.secgroup.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Neutron's duplicate-rule check ({@code _check_for_duplicate_rules}): first among the rules of one
 * POST, then against the rules the group already has, comparing {@link RuleKey}s.
 */
public final class RuleDuplicates {

    /**
     * Throws {@code DuplicateSecurityGroupRuleInPost} (409) when two new rules share a key, else
     * {@code SecurityGroupRuleExists} (409) naming the first existing rule, in the given order,
     * whose key one of the new rules has.
     */
    public void check(List<NormalizedRule> newRules, List<RuleEntry> existingRules) {
        Set<RuleKey> keys = new HashSet<>();
        for (NormalizedRule rule : newRules) {
            if (!keys.add(rule.key())) {
                throw RuleRejection.duplicateInPost();
            }
        }
        for (RuleEntry existing : existingRules) {
            if (keys.contains(existing.rule().key())) {
                throw RuleRejection.ruleExists(existing.id());
            }
        }
    }

    /** True when Neutron would treat the two rules as duplicates. */
    public boolean areDuplicates(NormalizedRule a, NormalizedRule b) {
        return a.key().equals(b.key());
    }
}

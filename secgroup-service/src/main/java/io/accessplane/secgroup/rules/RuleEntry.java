package io.accessplane.secgroup.rules;

import java.util.Objects;

/**
 * A stored rule together with its id.
 *
 * @param id    the rule id
 * @param rule  the rule
 */
public record RuleEntry(String id, NormalizedRule rule) {

    /** Requires both parts. */
    public RuleEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
    }
}

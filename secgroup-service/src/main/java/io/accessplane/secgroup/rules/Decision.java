package io.accessplane.secgroup.rules;

import java.util.List;

/**
 * The verdict on a {@link Flow}.
 *
 * @param allowed         true when the packet passes
 * @param matchedRuleIds  the rules that allow it: first those matching the packet itself, then, for a
 *                        reply, those of stateful groups that allow the connection it answers
 * @param reason          a short human-readable explanation
 */
public record Decision(boolean allowed, List<String> matchedRuleIds, String reason) {

    /** Copies the id list. */
    public Decision {
        matchedRuleIds = matchedRuleIds == null ? List.of() : List.copyOf(matchedRuleIds);
    }
}

package io.accessplane.secgroup.rest;

import io.accessplane.secgroup.rules.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an evaluation's answer. */
public final class Evaluations {

    private Evaluations() {
    }

    /** {@code {"allowed", "matched_rule_ids", "reason"}}. */
    public static Map<String, Object> view(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowed", d.allowed());
        m.put("matched_rule_ids", d.matchedRuleIds());
        m.put("reason", d.reason());
        return m;
    }
}

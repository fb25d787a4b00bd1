package io.accessplane.secgroup.rules;

import java.util.List;

/** Small builders shared by the rule tests. */
final class TestRules {

    static final String SG = "11111111-2222-3333-4444-555555555555";

    private static final RuleNormaliser NORMALISER = new RuleNormaliser();

    private TestRules() {
    }

    /** A request for group {@link #SG} with no remote group and no description. */
    static RuleRequest req(String direction, String ethertype, String protocol, Integer min, Integer max,
            String prefix) {
        return new RuleRequest(direction, ethertype, protocol, min, max, prefix, null, null, null, SG);
    }

    /** A request whose remote is a security group. */
    static RuleRequest fromGroup(String direction, String ethertype, String protocol, Integer min, Integer max,
            String remoteGroupId) {
        return new RuleRequest(direction, ethertype, protocol, min, max, null, remoteGroupId, null, null, SG);
    }

    /** Normalises a request, failing the test on rejection. */
    static NormalizedRule norm(RuleRequest request) {
        return NORMALISER.normalise(request);
    }

    /** Normalises and names a rule. */
    static RuleEntry entry(String id, RuleRequest request) {
        return new RuleEntry(id, norm(request));
    }

    /** A group of named rules. */
    static GroupRules group(String id, boolean stateful, RuleEntry... rules) {
        return new GroupRules(id, stateful, List.of(rules));
    }
}

package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.repository.SecurityGroup;
import io.accessplane.secgroup.repository.SecurityGroupRuleRepository;
import io.accessplane.secgroup.rules.Decision;
import io.accessplane.secgroup.rules.Flow;
import io.accessplane.secgroup.rules.GroupRules;
import io.accessplane.secgroup.rules.RuleEntry;
import io.accessplane.secgroup.rules.RuleEvaluator;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Judges a flow against the rules of one or more groups the caller can see (as a port with those groups would). */
@ApplicationScoped
public class EvaluationService {

    private final SecurityGroupService groups;
    private final SecurityGroupRuleRepository rules;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    public EvaluationService(SecurityGroupService groups, SecurityGroupRuleRepository rules) {
        this.groups = groups;
        this.rules = rules;
    }

    /** Allow or deny, with the rules that matched. */
    @WithTransaction
    public Uni<Decision> evaluate(Caller caller, List<String> groupIds, Flow flow) {
        List<SecurityGroup> found = new ArrayList<>();
        Uni<Void> chain = groups.readable(caller);
        for (String id : groupIds) {
            chain = chain.chain(() -> groups.visible(caller, id).invoke(found::add).replaceWithVoid());
        }
        return chain.chain(() -> rules.ofGroups(found.stream().map(g -> g.id).toList())).map(all -> {
            List<GroupRules> sets = new ArrayList<>();
            for (SecurityGroup g : found) {
                sets.add(new GroupRules(g.id.toString(), g.stateful, all.stream()
                        .filter(r -> r.securityGroupId.equals(g.id))
                        .map(r -> new RuleEntry(r.id.toString(), r.normalized())).toList()));
            }
            return evaluator.evaluate(flow, sets);
        });
    }
}

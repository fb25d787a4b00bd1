package io.accessplane.audit.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The four world-exposure tests of D1-D4, in one place so D5 (severity) and D6 (revert) judge a
 * rule exactly as D1-D4 do. Every test requires an ingress rule open to the world.
 */
final class RuleExposure {
    private final DetectorSettings settings;

    RuleExposure(DetectorSettings settings) {
        this.settings = settings;
    }

    /** D1: admin ports (22, 3389) it opens over tcp or any protocol. */
    List<Integer> adminPorts(SecurityRule r) {
        SecurityRule.ProtocolClass p = r.protocolClass();
        if (!r.isWorldIngress() || (p != SecurityRule.ProtocolClass.ANY && p != SecurityRule.ProtocolClass.TCP)) {
            return List.of();
        }
        return r.coveredOf(settings.adminPorts());
    }

    /** D2: EC2.19 high-risk ports it opens over tcp, udp or any protocol. */
    List<Integer> highRiskPorts(SecurityRule r) {
        SecurityRule.ProtocolClass p = r.protocolClass();
        boolean applies = p == SecurityRule.ProtocolClass.ANY || p == SecurityRule.ProtocolClass.TCP
                || p == SecurityRule.ProtocolClass.UDP;
        if (!r.isWorldIngress() || !applies) {
            return List.of();
        }
        return r.coveredOf(settings.highRiskPorts());
    }

    /** D3: the first port it opens that the project's allowlist does not list (port-carrying protocols). */
    Optional<Integer> unlistedPort(SecurityRule r, String projectId) {
        if (!r.isWorldIngress() || !r.hasPorts()) {
            return Optional.empty();
        }
        return r.firstPortOutside(settings.allowedPortsOf(projectId));
    }

    /** D4: any protocol, every port, from the world. */
    boolean allTraffic(SecurityRule r) {
        return r.isWorldIngress() && r.protocolClass() == SecurityRule.ProtocolClass.ANY;
    }

    /** Which of D1-D4 the rule raises. */
    List<String> exposures(SecurityRule r, String projectId) {
        List<String> out = new ArrayList<>();
        if (!adminPorts(r).isEmpty()) {
            out.add("D1");
        }
        if (!highRiskPorts(r).isEmpty()) {
            out.add("D2");
        }
        if (unlistedPort(r, projectId).isPresent()) {
            out.add("D3");
        }
        if (allTraffic(r)) {
            out.add("D4");
        }
        return out;
    }

    /** The allowlist in force for a project (for details). */
    Set<Integer> allowedPorts(String projectId) {
        return settings.allowedPortsOf(projectId);
    }
}

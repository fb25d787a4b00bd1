package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** D4: an ingress rule admits every protocol on every port from the world. */
final class AllTrafficRuleDetector implements Detector {
    private final RuleExposure exposure;
    private final Duration suppression;

    AllTrafficRuleDetector(RuleExposure exposure, DetectorSettings settings) {
        this.exposure = exposure;
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            if (exposure.allTraffic(r)) {
                out.add(new AlertCandidate("D4", "All traffic open to the world", Severity.CRITICAL, r.projectId(),
                        "D4:" + r.id(), suppression, List.of(e.id()), e.time(), RuleFacts.of(r, e).toMap()));
            }
        }
        return out;
    }
}

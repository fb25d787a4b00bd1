package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** D2: an ingress rule opens an EC2.19 high-risk port over tcp, udp or any protocol to the world. */
final class WorldOpenHighRiskPortDetector implements Detector {
    private final RuleExposure exposure;
    private final Duration suppression;

    WorldOpenHighRiskPortDetector(RuleExposure exposure, DetectorSettings settings) {
        this.exposure = exposure;
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            List<Integer> ports = exposure.highRiskPorts(r);
            if (!ports.isEmpty()) {
                String shown = ports.size() > 5 ? ports.subList(0, 5) + "..." : ports.toString();
                out.add(new AlertCandidate("D2", "High-risk port " + shown + " open to the world",
                        Severity.CRITICAL, r.projectId(), "D2:" + r.id(), suppression, List.of(e.id()), e.time(),
                        RuleFacts.of(r, e).put("exposed_ports", ports).toMap()));
            }
        }
        return out;
    }
}

package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** D1: an ingress rule opens SSH or RDP (22, 3389) over tcp or any protocol to 0.0.0.0/0 or ::/0 (EC2.13/14). */
final class WorldOpenAdminPortDetector implements Detector {
    private final RuleExposure exposure;
    private final Duration suppression;

    WorldOpenAdminPortDetector(RuleExposure exposure, DetectorSettings settings) {
        this.exposure = exposure;
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            List<Integer> ports = exposure.adminPorts(r);
            if (!ports.isEmpty()) {
                out.add(new AlertCandidate("D1", "Admin port " + ports + " open to the world", Severity.HIGH,
                        r.projectId(), "D1:" + r.id(), suppression, List.of(e.id()), e.time(),
                        RuleFacts.of(r, e).put("exposed_ports", ports).toMap()));
            }
        }
        return out;
    }
}

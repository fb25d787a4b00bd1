package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * D3: an ingress rule opens to the world a port the project's allowlist (default 80, 443) does not
 * list (EC2.18); applies to port-carrying protocols and "any".
 */
final class WorldOpenUnlistedPortDetector implements Detector {
    private final RuleExposure exposure;
    private final Duration suppression;

    WorldOpenUnlistedPortDetector(RuleExposure exposure, DetectorSettings settings) {
        this.exposure = exposure;
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            Optional<Integer> port = exposure.unlistedPort(r, r.projectId());
            if (port.isPresent()) {
                out.add(new AlertCandidate("D3", (r.allPorts() ? "All ports" : "Port " + r.portRangeText())
                        + " open to the world outside the allowlist",
                        Severity.HIGH, r.projectId(), "D3:" + r.id(), suppression, List.of(e.id()), e.time(),
                        RuleFacts.of(r, e).put("first_unlisted_port", port.get())
                                .put("allowed_ports", List.copyOf(new TreeSet<>(exposure.allowedPorts(r.projectId()))))
                                .toMap()));
            }
        }
        return out;
    }
}

package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * D5: a user with no security group write in the last 90 days writes one (GuardDuty
 * NetworkPermissions, "no prior history"). Medium; High when that very write also raises D1-D4.
 * Silent during the engine's learning period, so a new deployment's first writes do not all alert.
 */
final class FirstTimeSecurityGroupWriterDetector implements Detector {
    private static final String TERM = "security-group-write";

    private final RuleExposure exposure;
    private final ObservationSpan span;
    private final Duration learning;
    private final Duration suppression;
    private final NewTermMemory writers;
    private final long historyDays;

    FirstTimeSecurityGroupWriterDetector(RuleExposure exposure, ObservationSpan span, DetectorSettings settings) {
        this.exposure = exposure;
        this.span = span;
        this.learning = settings.learningPeriod();
        this.suppression = settings.findingSuppression();
        this.writers = new NewTermMemory(settings.securityGroupWriterHistory());
        this.historyDays = settings.securityGroupWriterHistory().toDays();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.isSecurityGroupWrite() || !e.byUser()) {
            return List.of();
        }
        String actor = e.actor();
        boolean known = writers.seenBefore(actor, TERM, e.time());
        writers.record(actor, TERM, e.time());
        if (known || !span.learned(e.time(), learning)) {
            return List.of();
        }
        Set<String> exposures = new LinkedHashSet<>();
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            exposures.addAll(exposure.exposures(r, r.projectId()));
        }
        Severity severity = exposures.isEmpty() ? Severity.MEDIUM : Severity.HIGH;
        List<AlertCandidate> out = new ArrayList<>();
        out.add(new AlertCandidate("D5", "First security group change by " + actor + " in " + historyDays + " days", severity,
                e.projectId(), "D5:" + actor, suppression, List.of(e.id()), e.time(),
                new Facts().put("actor", actor)
                        .put("event_type", e.raw().type())
                        .put("target_id", e.target().id())
                        .put("source_address", e.sourceAddress())
                        .put("history_days", historyDays)
                        .put("also_raised", exposures.isEmpty() ? null : List.copyOf(exposures))
                        .toMap()));
        return out;
    }

    @Override
    public void forgetBefore(Instant horizon) {
        writers.forgetBefore(horizon);
    }
}

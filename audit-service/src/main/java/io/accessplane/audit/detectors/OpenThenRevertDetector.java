package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * D6: a rule that raised D1-D4 is removed within the revert window (60 min) of its creation, by a
 * rule delete or by deleting its group: someone opened a hole and covered their tracks. Keeps only
 * world-open rules younger than the window.
 */
final class OpenThenRevertDetector implements Detector {
    private final RuleExposure exposure;
    private final Duration window;
    private final Duration keep;
    private final Duration suppression;
    private final Map<String, Opened> opened = new LinkedHashMap<>();
    private final Map<String, Set<String>> rulesOfGroup = new HashMap<>();

    /** A world-open rule: when, by whom, which of D1-D4 it raised. */
    private record Opened(SecurityRule rule, Instant at, String eventId, String actor, List<String> exposures) {
    }

    OpenThenRevertDetector(RuleExposure exposure, DetectorSettings settings) {
        this.exposure = exposure;
        this.window = settings.revertWindow();
        this.keep = settings.revertWindow().plus(settings.allowedLateness());
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        for (SecurityRule r : SecurityRule.appearingIn(e)) {
            List<String> exposures = exposure.exposures(r, r.projectId());
            if (!exposures.isEmpty()) {
                opened.put(r.id(), new Opened(r, e.time(), e.id(), e.actor(), exposures));
                if (r.groupId() != null) {
                    rulesOfGroup.computeIfAbsent(r.groupId(), g -> new HashSet<>()).add(r.id());
                }
            }
        }
        if (opened.isEmpty()) {
            return List.of();
        }
        Set<String> removed = new HashSet<>();
        for (SecurityRule r : SecurityRule.removedIn(e)) {
            removed.add(r.id());
        }
        if (e.is("security_group", "deleted") && e.target().id() != null) {
            removed.addAll(rulesOfGroup.getOrDefault(e.target().id(), Set.of()));
        }
        List<AlertCandidate> out = new ArrayList<>();
        for (String id : removed) {
            Opened o = opened.get(id);
            if (o == null) {
                continue;
            }
            forget(id);
            Duration open = Duration.between(o.at(), e.time());
            if (open.isNegative() || open.compareTo(window) > 0) {
                continue;
            }
            out.add(new AlertCandidate("D6", "World-open rule removed " + open.toMinutes() + " min after creation",
                    Severity.MEDIUM, o.rule().projectId(), "D6:" + id, suppression, List.of(o.eventId(), e.id()),
                    e.time(), RuleFacts.of(o.rule(), e)
                            .put("raised", o.exposures())
                            .put("created_at", o.at().toString())
                            .put("created_by", o.actor())
                            .put("removed_at", e.time().toString())
                            .put("removed_by", e.actor())
                            .put("open_seconds", open.toSeconds())
                            .toMap()));
        }
        prune(e.time().minus(keep));
        return out;
    }

    private void forget(String ruleId) {
        Opened o = opened.remove(ruleId);
        if (o != null && o.rule().groupId() != null) {
            Set<String> ids = rulesOfGroup.get(o.rule().groupId());
            if (ids != null) {
                ids.remove(ruleId);
                if (ids.isEmpty()) {
                    rulesOfGroup.remove(o.rule().groupId());
                }
            }
        }
    }

    private void prune(Instant horizon) {
        List<String> old = new ArrayList<>();
        opened.forEach((id, o) -> {
            if (o.at().isBefore(horizon)) {
                old.add(id);
            }
        });
        old.forEach(this::forget);
    }

    @Override
    public void forgetBefore(Instant horizon) {
        prune(horizon);
    }
}

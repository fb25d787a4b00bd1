package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * D22: an authentication (issued token or failure, whatever the reason) names an application
 * credential this engine saw deleted (directly or by a cascade: user deleted or disabled, role
 * removed, project deleted) or past its {@code expires_at}. A token issued for one would mean
 * revocation failed. Failures carry no project and may arrive before the deletion they follow, so
 * attempts are kept for the allowed lateness (at most {@value #PER_CREDENTIAL} per credential) and
 * re-judged when a deletion arrives.
 */
final class DeadCredentialUseDetector implements Detector {
    static final int PER_CREDENTIAL = 16;

    private final IdentityDirectory directory;
    private final Duration lateness;
    private final Duration suppression;
    private final Map<String, Deque<Attempt>> recent = new HashMap<>();
    private final FiringMemory fired = new FiringMemory();
    private Instant lastSweep;

    /** One authentication naming a credential. */
    private record Attempt(String credential, Instant at, String eventId, boolean issued, String reason,
            String address, String project) {
    }

    DeadCredentialUseDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.lateness = settings.allowedLateness();
        this.suppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        if (e.is("application_credential", "deleted") && e.target().id() != null) {
            for (Attempt a : recent.getOrDefault(e.target().id(), new ArrayDeque<>())) {
                judge(a).ifPresent(out::add);
            }
            recent.remove(e.target().id());
        }
        String cred = e.applicationCredentialId();
        if (e.isAuthentication() && cred != null) {
            Attempt a = new Attempt(cred, e.time(), e.id(), e.is("token", "issued"), e.reason(), e.sourceAddress(),
                    e.projectId());
            judge(a).ifPresent(out::add);
            Deque<Attempt> list = recent.computeIfAbsent(cred, k -> new ArrayDeque<>());
            list.addLast(a);
            while (list.size() > PER_CREDENTIAL) {
                list.removeFirst();
            }
            sweep(e.time());
        }
        return out;
    }

    private Optional<AlertCandidate> judge(Attempt a) {
        Optional<IdentityDirectory.DeadCredential> dead = directory.deadAt(a.credential(), a.at());
        String dedupKey = "D22:" + a.credential();
        if (dead.isEmpty() || !fired.fire(dedupKey, a.at(), suppression)) {
            return Optional.empty();
        }
        IdentityDirectory.DeadCredential d = dead.get();
        String project = d.projectId() != null ? d.projectId() : a.project();
        return Optional.of(new AlertCandidate("D22", (a.issued() ? "Token issued for " : "Authentication attempt with ")
                + d.why() + " application credential " + a.credential(), Severity.HIGH, project, dedupKey, suppression,
                List.of(a.eventId(), d.eventId()), a.at(), new Facts()
                        .put("credential_id", a.credential())
                        .put("dead_because", d.why())
                        .put("dead_since", d.since().toString())
                        .put("outcome", a.issued() ? "success" : "failure")
                        .put("reason", a.reason())
                        .put("source_address", a.address())
                        .toMap()));
    }

    private void sweep(Instant latest) {
        if (lastSweep != null && Duration.between(lastSweep, latest).compareTo(lateness) < 0) {
            return;
        }
        lastSweep = latest;
        forgetAttemptsBefore(latest.minus(lateness));
    }

    private void forgetAttemptsBefore(Instant horizon) {
        recent.values().removeIf(list -> {
            list.removeIf(a -> a.at().isBefore(horizon));
            return list.isEmpty();
        });
    }

    @Override
    public void forgetBefore(Instant horizon) {
        forgetAttemptsBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

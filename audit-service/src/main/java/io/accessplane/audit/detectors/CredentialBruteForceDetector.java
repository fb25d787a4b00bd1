package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * D15: at least 10 failed authentications against one credential within 5 minutes (Elastic, Keystone
 * PCI lockout). A credential is an application credential (the initiator's id, or the target when
 * it is one) or a user's password ({@code user:<id>}); attempts naming no known user are not
 * counted. Each time the threshold holds it is written to the {@link BruteForceLedger} for D16.
 */
final class CredentialBruteForceDetector implements Detector {
    private final RateThreshold threshold;
    private final Duration suppression;
    private final Duration horizon;
    private final SlidingWindowCounter failures;
    private final BruteForceLedger ledger;
    private final IdentityDirectory directory;
    private final FiringMemory fired = new FiringMemory();

    CredentialBruteForceDetector(BruteForceLedger ledger, IdentityDirectory directory, DetectorSettings settings) {
        this.ledger = ledger;
        this.directory = directory;
        this.threshold = settings.bruteForce();
        this.suppression = settings.rateSuppression();
        this.horizon = settings.successAfterBruteForceWindow().plus(settings.allowedLateness());
        this.failures = new SlidingWindowCounter(threshold.window(), settings.allowedLateness());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String credential = e.credentialKey();
        if (!e.is("authentication", "failed") || credential == null) {
            return List.of();
        }
        Burst burst = failures.add(credential, e.time(), e.id());
        if (burst.count() < threshold.count()) {
            return List.of();
        }
        ledger.established(new BruteForceLedger.Episode("D15", credential, burst.end(), Set.of(credential), null,
                burst.eventIds()));
        ledger.forgetBefore(e.time().minus(horizon));
        String dedupKey = "D15:" + credential;
        if (!fired.fire(dedupKey, e.time(), suppression)) {
            return List.of();
        }
        return List.of(new AlertCandidate("D15", burst.count() + " failed authentications on " + credential + " in "
                + threshold.window().toMinutes() + " min", Severity.MEDIUM,
                directory.projectOf(credential).orElse(e.projectId()), dedupKey, suppression, burst.eventIds(), e.time(),
                new Facts()
                        .put("credential", credential)
                        .put("failures", burst.count())
                        .put("threshold", threshold.count())
                        .put("window_minutes", threshold.window().toMinutes())
                        .put("first_failure", burst.start().toString())
                        .put("last_failure", burst.end().toString())
                        .put("last_reason", e.reason())
                        .put("last_source_address", e.sourceAddress())
                        .put("last_user_agent", e.userAgent())
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        failures.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

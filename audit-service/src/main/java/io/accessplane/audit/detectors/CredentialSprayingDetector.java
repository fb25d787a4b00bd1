package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * D17: one source address fails authentication on at least 10 distinct credentials (application
 * credentials or users) within 10 minutes (Elastic by-IP spraying). Recorded in the
 * {@link BruteForceLedger} for D16.
 */
final class CredentialSprayingDetector implements Detector {
    private final RateThreshold threshold;
    private final Duration suppression;
    private final Duration horizon;
    private final DistinctWindow attempted;
    private final BruteForceLedger ledger;
    private final FiringMemory fired = new FiringMemory();

    CredentialSprayingDetector(BruteForceLedger ledger, DetectorSettings settings) {
        this.ledger = ledger;
        this.threshold = settings.spraying();
        this.suppression = settings.rateSuppression();
        this.horizon = settings.successAfterBruteForceWindow().plus(settings.allowedLateness());
        this.attempted = new DistinctWindow(threshold.window(), settings.allowedLateness());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String credential = e.credentialKey();
        String address = e.sourceAddress();
        if (!e.is("authentication", "failed") || credential == null || address == null) {
            return List.of();
        }
        Burst burst = attempted.add(address, e.time(), credential, e.id());
        if (burst.count() < threshold.count()) {
            return List.of();
        }
        ledger.established(new BruteForceLedger.Episode("D17", address, burst.end(), burst.values(), address,
                burst.eventIds()));
        ledger.forgetBefore(e.time().minus(horizon));
        String dedupKey = "D17:" + address;
        if (!fired.fire(dedupKey, e.time(), suppression)) {
            return List.of();
        }
        return List.of(new AlertCandidate("D17", address + " failed on " + burst.count() + " credentials in "
                + threshold.window().toMinutes() + " min", Severity.HIGH, e.projectId(), dedupKey, suppression,
                burst.eventIds(), e.time(), new Facts()
                        .put("source_address", address)
                        .put("distinct_credentials", burst.count())
                        .put("credentials", List.copyOf(burst.values()))
                        .put("threshold", threshold.count())
                        .put("window_minutes", threshold.window().toMinutes())
                        .put("first_failure", burst.start().toString())
                        .put("last_failure", burst.end().toString())
                        .put("last_user_agent", e.userAgent())
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        attempted.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

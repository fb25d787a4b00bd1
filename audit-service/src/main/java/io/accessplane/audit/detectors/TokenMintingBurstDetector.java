package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D19: one application credential mints at least 20 tokens within 5 minutes, or more tokens in a
 * minute than its own baseline allows (at least 5, 3 sigma, after 7 days of history). Password
 * tokens are not counted (a person logging in is not a credential being harvested).
 */
final class TokenMintingBurstDetector implements Detector {
    private final IdentityDirectory directory;
    private final RateThreshold threshold;
    private final Duration suppression;
    private final SlidingWindowCounter tokens;
    private final RollingBaseline baseline;
    private final FiringMemory fired = new FiringMemory();

    TokenMintingBurstDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.threshold = settings.tokenBurst();
        this.suppression = settings.rateSuppression();
        this.tokens = new SlidingWindowCounter(threshold.window(), settings.allowedLateness());
        this.baseline = new RollingBaseline(BaselinePolicy.of(settings));
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String cred = e.applicationCredentialId();
        if (!e.is("token", "issued") || cred == null) {
            return List.of();
        }
        Burst burst = tokens.add(cred, e.time(), e.id());
        Optional<BaselineVerdict> verdict = baseline.add(cred, e.time());
        boolean overThreshold = burst.count() >= threshold.count();
        String dedupKey = "D19:" + cred;
        if ((!overThreshold && verdict.isEmpty()) || !fired.fire(dedupKey, e.time(), suppression)) {
            return List.of();
        }
        Facts facts = new Facts()
                .put("credential_id", cred)
                .put("mode", overThreshold ? "threshold" : "baseline")
                .put("tokens_in_window", burst.count())
                .put("window_minutes", threshold.window().toMinutes())
                .put("fixed_threshold", threshold.count())
                .put("source_address", e.sourceAddress());
        verdict.ifPresent(v -> v.addTo(facts));
        return List.of(new AlertCandidate("D19", "Application credential minted " + burst.count() + " tokens in "
                + threshold.window().toMinutes() + " min", Severity.MEDIUM, directory.projectOf(cred).orElse(e.projectId()),
                dedupKey, suppression, burst.eventIds(), e.time(), facts.toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        tokens.forgetBefore(horizon);
        baseline.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

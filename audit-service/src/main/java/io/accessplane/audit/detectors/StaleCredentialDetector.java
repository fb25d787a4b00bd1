package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * D12 (on ticks): a live, unexpired application credential older than 90 days (IAM.3, Medium) or
 * not used for 45 days (IAM.22, Low). "Use" is a token issued with it; a never-used credential
 * counts from its creation. Each condition is reported again at most every 7 days while it holds.
 */
final class StaleCredentialDetector implements Detector {
    private final IdentityDirectory directory;
    private final Duration maxAge;
    private final Duration maxUnused;
    private final Duration suppression;
    private final FiringMemory fired = new FiringMemory();

    StaleCredentialDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.maxAge = settings.credentialMaxAge();
        this.maxUnused = settings.credentialMaxUnused();
        this.suppression = settings.staleCredentialSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView event) {
        return List.of();
    }

    @Override
    public List<AlertCandidate> tick(Instant now) {
        List<AlertCandidate> out = new ArrayList<>();
        for (IdentityDirectory.Credential c : directory.liveCredentials()) {
            if (c.expiredAt(now)) {
                continue;
            }
            Duration age = Duration.between(c.createdAt(), now);
            String ageKey = "D12:age:" + c.id();
            if (age.compareTo(maxAge) > 0 && fired.fire(ageKey, now, suppression)) {
                out.add(candidate(c, now, ageKey, Severity.MEDIUM,
                        "Application credential older than " + maxAge.toDays() + " days",
                        facts(c).put("age_days", age.toDays()).put("max_age_days", maxAge.toDays())));
            }
            Instant lastUse = directory.lastUse(c.id()).orElse(null);
            Duration unused = Duration.between(lastUse != null ? lastUse : c.createdAt(), now);
            String unusedKey = "D12:unused:" + c.id();
            if (unused.compareTo(maxUnused) > 0 && fired.fire(unusedKey, now, suppression)) {
                out.add(candidate(c, now, unusedKey, Severity.LOW,
                        "Application credential unused for " + unused.toDays() + " days",
                        facts(c).put("last_used_at", lastUse == null ? "never" : lastUse.toString())
                                .put("unused_days", unused.toDays()).put("max_unused_days", maxUnused.toDays())));
            }
        }
        return out;
    }

    private AlertCandidate candidate(IdentityDirectory.Credential c, Instant now, String dedupKey, Severity severity,
            String title, Facts facts) {
        return new AlertCandidate("D12", title, severity, c.projectId(), dedupKey, suppression,
                List.of(c.createdEventId()), now, facts.toMap());
    }

    private static Facts facts(IdentityDirectory.Credential c) {
        return new Facts().put("credential_id", c.id())
                .put("owner_user_id", c.ownerUserId())
                .put("created_at", c.createdAt().toString())
                .put("expires_at", c.expiresAt() == null ? null : c.expiresAt().toString());
    }

    @Override
    public void forgetBefore(Instant horizon) {
        fired.forgetBefore(horizon);
    }
}

package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * D21: a user creates an application credential owned by another user (Sigma
 * aws_iam_backdoor_users_keys). Creators on the automation allowlist and system actors are
 * exempt.
 */
final class CredentialForAnotherUserDetector implements Detector {
    private final Set<String> automation;
    private final Duration suppression;

    CredentialForAnotherUserDetector(DetectorSettings settings) {
        this.automation = settings.automationCreators();
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.is("application_credential", "created") || !e.byUser()) {
            return List.of();
        }
        String creator = e.actor();
        String owner = e.target().ownerUserId() != null ? e.target().ownerUserId() : e.text("user_id");
        String id = e.target().id() != null ? e.target().id() : e.text("id");
        if (owner == null || id == null || owner.equals(creator) || automation.contains(creator)) {
            return List.of();
        }
        return List.of(new AlertCandidate("D21", creator + " created an application credential for " + owner,
                Severity.MEDIUM, e.projectId(), "D21:" + id, suppression, List.of(e.id()), e.time(), new Facts()
                        .put("credential_id", id)
                        .put("creator_user_id", creator)
                        .put("owner_user_id", owner)
                        .put("source_address", e.sourceAddress())
                        .toMap()));
    }
}

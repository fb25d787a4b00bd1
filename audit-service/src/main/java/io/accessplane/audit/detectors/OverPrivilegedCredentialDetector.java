package io.accessplane.audit.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * D11: a new application credential that is over-privileged (an IAM.4 analogue). One finding per
 * credential listing every condition that holds: {@code unrestricted} (it may create and delete
 * other credentials), the {@code admin} role among its roles (by role name, case-insensitive), or
 * no {@code expires_at} (it never expires).
 */
final class OverPrivilegedCredentialDetector implements Detector {
    static final String ADMIN_ROLE = "admin";

    private final Duration suppression;

    OverPrivilegedCredentialDetector(DetectorSettings settings) {
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.is("application_credential", "created")) {
            return List.of();
        }
        String id = e.target().id() != null ? e.target().id() : e.text("id");
        List<String> conditions = new ArrayList<>();
        if (e.resource().path("unrestricted").asBoolean(false)) {
            conditions.add("unrestricted");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : e.resource().path("roles")) {
            String name = role.isTextual() ? role.asText() : EventView.textOf(role, "name");
            if (name != null) {
                roles.add(name);
            }
        }
        if (roles.stream().anyMatch(ADMIN_ROLE::equalsIgnoreCase)) {
            conditions.add("admin_role");
        }
        if (e.text("expires_at") == null) {
            conditions.add("never_expires");
        }
        if (conditions.isEmpty() || id == null) {
            return List.of();
        }
        return List.of(new AlertCandidate("D11", "Over-privileged application credential: " + String.join(", ", conditions),
                Severity.HIGH, e.projectId(), "D11:" + id, suppression, List.of(e.id()), e.time(), new Facts()
                        .put("credential_id", id)
                        .put("name", e.target().name())
                        .put("conditions", conditions)
                        .put("roles", roles)
                        .put("expires_at", e.text("expires_at"))
                        .put("owner_user_id", e.target().ownerUserId())
                        .put("actor", e.actor())
                        .toMap()));
    }
}

package io.accessplane.credential.service;

import io.accessplane.platform.events.Initiator;
import java.util.List;

/** Where an authentication request came from, for events and last-use records. */
public record Origin(String sourceAddress, String userAgent, String requestId) {

    /** An initiator for this origin acting as the given user (or nobody known). */
    public Initiator as(String userId, String projectId, String applicationCredentialId, List<String> roles) {
        return new Initiator(userId, projectId, applicationCredentialId, roles, sourceAddress, userAgent, requestId);
    }
}

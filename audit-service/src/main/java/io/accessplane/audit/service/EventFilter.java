package io.accessplane.audit.service;

import java.time.Instant;

/**
 * What a caller asks of the activity log. Null fields do not filter; {@code projectId} is null only
 * for an administrator reading every project.
 */
public record EventFilter(
        String projectId,
        String userId,
        String applicationCredentialId,
        String sourceAddress,
        String targetType,
        String targetId,
        String typePrefix,
        String outcome,
        Instant since,
        Instant until) {

    /** The same filter restricted to one project. */
    public EventFilter inProject(String project) {
        return new EventFilter(project, userId, applicationCredentialId, sourceAddress, targetType, targetId,
                typePrefix, outcome, since, until);
    }
}

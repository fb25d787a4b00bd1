package io.accessplane.audit.ingest;

import io.accessplane.platform.events.CloudEvent;

/** An event that this transaction stored for the first time, with its link in its project's chain. */
public record StoredEvent(CloudEvent event, String projectId, long chainIndex, String chainHash) {
}

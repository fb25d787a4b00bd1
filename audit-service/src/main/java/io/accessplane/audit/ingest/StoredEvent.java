package io.accessplane.audit.ingest;

import io.accessplane.platform.events.CloudEvent;

/** An event that this transaction stored for the first time, with its place in the log and its chain. */
public record StoredEvent(CloudEvent event, long position, String projectId, long chainIndex, String chainHash) {
}

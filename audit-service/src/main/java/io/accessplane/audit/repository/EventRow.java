package io.accessplane.audit.repository;

import java.time.Instant;

/** One stored event as the log holds it: its place, its chain link and its canonical JSON. */
public record EventRow(long position, Instant eventTime, Instant ingestedAt, String projectId, long chainIndex,
        String chainHash, String canonical) {
}

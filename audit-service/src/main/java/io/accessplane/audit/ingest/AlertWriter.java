package io.accessplane.audit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.audit.alerts.AlertEvents;
import io.accessplane.audit.alerts.AlertState;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.audit.detectors.AlertCandidate;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.outbox.OutboxWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Stores detector findings as alerts inside the caller's transaction. A finding whose dedup key has
 * an alert still open or acknowledged and within its suppression window adds to that alert
 * (occurrences, linked events, last seen); otherwise a new alert is raised and its CloudEvent
 * goes to the outbox in the same transaction.
 */
public final class AlertWriter {

    private static final Initiator AUDIT = Initiator.system("audit-service");

    /** Occurrences whose events are linked to an alert; later ones only count (the log keeps them all). */
    static final int MAX_LINKED_OCCURRENCES = 1000;

    /** Writes the findings; returns the alerts raised (not the repeats folded into existing ones). */
    public List<AlertView> write(Connection c, List<AlertCandidate> candidates, Instant now) throws SQLException {
        return write(c, candidates, now, Map.of());
    }

    /**
     * Writes the findings as {@link #write(Connection, List, Instant)} does; a raised alert's event
     * carries the trace context of the newest event of {@code batch} (events by id) that caused it,
     * so an alert joins the trace of the request that made the change.
     */
    public List<AlertView> write(Connection c, List<AlertCandidate> candidates, Instant now,
            Map<String, CloudEvent> batch) throws SQLException {
        List<AlertView> raised = new ArrayList<>();
        for (AlertCandidate candidate : candidates) {
            String existing = suppressing(c, candidate);
            if (existing != null) {
                repeat(c, existing, candidate, now);
            } else {
                AlertView view = raise(c, candidate, now);
                OutboxWriter.append(c, inTraceOfCause(AlertEvents.of("raised", view, AUDIT), candidate, batch));
                raised.add(view);
            }
        }
        return raised;
    }

    /** The alert event with the trace context of its newest traced cause in the batch; unchanged when none. */
    static CloudEvent inTraceOfCause(CloudEvent alert, AlertCandidate candidate, Map<String, CloudEvent> batch) {
        List<String> ids = candidate.eventIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            CloudEvent cause = batch.get(ids.get(i));
            if (cause != null && cause.traceparent() != null) {
                return alert.withTraceContext(cause.traceparent(), cause.tracestate());
            }
        }
        return alert;
    }

    private static String suppressing(Connection c, AlertCandidate a) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM alert WHERE dedup_key = ? AND state <> 'resolved' "
                + "AND suppress_until > ? ORDER BY last_seen DESC LIMIT 1 FOR UPDATE")) {
            q.setString(1, a.dedupKey());
            q.setTimestamp(2, Timestamp.from(a.observedAt()));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void repeat(Connection c, String id, AlertCandidate a, Instant now) throws SQLException {
        int occurrences;
        try (PreparedStatement u = c.prepareStatement("UPDATE alert SET occurrences = occurrences + 1, "
                + "last_seen = GREATEST(last_seen, ?), suppress_until = GREATEST(suppress_until, ?), updated_at = ?, "
                + "stream_seq = nextval('alert_stream_seq') WHERE id = ?::uuid RETURNING occurrences")) {
            u.setTimestamp(1, Timestamp.from(a.observedAt()));
            u.setTimestamp(2, Timestamp.from(a.observedAt().plus(a.suppression())));
            u.setTimestamp(3, Timestamp.from(now));
            u.setString(4, id);
            try (ResultSet rs = u.executeQuery()) {
                rs.next();
                occurrences = rs.getInt(1);
            }
        }
        if (occurrences <= MAX_LINKED_OCCURRENCES) {
            link(c, id, a.eventIds());
        }
    }

    private static AlertView raise(Connection c, AlertCandidate a, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        JsonNode details = EventJson.mapper().valueToTree(a.details());
        String severity = a.severity().name().toLowerCase(Locale.ROOT);
        Instant until = a.observedAt().plus(a.suppression());
        try (PreparedStatement i = c.prepareStatement("INSERT INTO alert (id, detector, title, severity, project_id, "
                + "dedup_key, state, first_seen, last_seen, suppress_until, occurrences, details, created_at, updated_at) "
                + "VALUES (?::uuid, ?, ?, ?, ?, ?, 'open', ?, ?, ?, 1, ?, ?, ?)")) {
            i.setString(1, id);
            i.setString(2, a.detector());
            i.setString(3, a.title());
            i.setString(4, severity);
            i.setString(5, a.projectId() == null ? "-" : a.projectId());
            i.setString(6, a.dedupKey());
            i.setTimestamp(7, Timestamp.from(a.observedAt()));
            i.setTimestamp(8, Timestamp.from(a.observedAt()));
            i.setTimestamp(9, Timestamp.from(until));
            i.setString(10, details.toString());
            i.setTimestamp(11, Timestamp.from(now));
            i.setTimestamp(12, Timestamp.from(now));
            i.executeUpdate();
        }
        link(c, id, a.eventIds());
        return new AlertView(id, a.detector(), a.title(), severity, a.projectId() == null ? "-" : a.projectId(),
                a.dedupKey(), AlertState.OPEN.wireName(), a.observedAt(), a.observedAt(), until, 1,
                List.copyOf(a.eventIds()), details, now, null);
    }

    private static void link(Connection c, String id, List<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement l = c.prepareStatement(
                "INSERT INTO alert_event (alert_id, event_id) VALUES (?::uuid, ?) ON CONFLICT DO NOTHING")) {
            for (String eventId : eventIds) {
                l.setString(1, id);
                l.setString(2, eventId);
                l.addBatch();
            }
            l.executeBatch();
        }
    }
}

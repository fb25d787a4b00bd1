package io.accessplane.audit.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.audit.alerts.AlertEvents;
import io.accessplane.audit.config.AuditConfig;
import io.accessplane.audit.ingest.CanonicalEvent;
import io.accessplane.audit.ingest.EventStore;
import io.accessplane.audit.ingest.LogLock;
import io.accessplane.audit.crypto.JsonCanonicalizer;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention of the activity log: per-project policies (default {@code default-days}) and the purge,
 * which signs a checkpoint first, deletes a prefix of each chain, keeps the last purged link as the
 * chain's new anchor, and records itself in the log as an event of the chain it shortened.
 */
@ApplicationScoped
public class RetentionService {

    private final AgroalDataSource dataSource;
    private final AuditConfig config;
    private final IntegrityService integrity;
    private final EventStore store = new EventStore();

    public RetentionService(AgroalDataSource dataSource, AuditConfig config, IntegrityService integrity) {
        this.dataSource = dataSource;
        this.config = config;
        this.integrity = integrity;
    }

    /** A project's retention in days, and whether it is the default. */
    public record Policy(String projectId, int days, boolean isDefault) {
    }

    /** What one purge removed from one project. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(
            com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Purge(String projectId, long purgedThroughIndex, long purgedCount, Instant cutoff, String eventId) {
    }

    /** The policy of a project. */
    public Policy policy(String projectId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT days FROM retention_policy WHERE project_id = ?")) {
            q.setString(1, projectId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Policy(projectId, rs.getInt(1), false)
                        : new Policy(projectId, config.retention().defaultDays(), true);
            }
        }
    }

    /** Sets a project's retention and records the change in the project's log. */
    public Policy setPolicy(String projectId, int days, Initiator by) throws SQLException {
        Policy before = policy(projectId);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LogLock.take(c);
                try (PreparedStatement u = c.prepareStatement("INSERT INTO retention_policy (project_id, days, updated_at, "
                        + "updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET days = EXCLUDED.days, "
                        + "updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
                    u.setString(1, projectId);
                    u.setInt(2, days);
                    u.setTimestamp(3, Timestamp.from(Instant.now()));
                    u.setString(4, by.userId());
                    u.executeUpdate();
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("project_id", projectId);
                state.put("days", days);
                state.put("previous_days", before.days());
                record(c, projectId, "retention", "updated", "update", by, state);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return new Policy(projectId, days, false);
    }

    /** Purges every project's events older than its retention; returns what was removed. */
    public List<Purge> purge(Instant now, Initiator by) throws SQLException {
        List<Purge> done = new ArrayList<>();
        for (String project : integrity.projects()) {
            Instant cutoff = now.minus(Duration.ofDays(policy(project).days()));
            if (hasEventsBefore(project, cutoff)) {
                integrity.checkpoint();
                Purge p = purge(project, cutoff, by);
                if (p != null) {
                    done.add(p);
                }
            }
        }
        return done;
    }

    private boolean hasEventsBefore(String project, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT 1 FROM audit_event WHERE project_id = ? AND event_time < ? LIMIT 1")) {
            q.setString(1, project);
            q.setTimestamp(2, Timestamp.from(cutoff));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Purge purge(String project, Instant cutoff, Initiator by) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LogLock.take(c);
                long through = purgeableThrough(c, project, cutoff);
                if (through <= anchorIndex(c, project)) {
                    c.rollback();
                    return null;
                }
                String hash;
                try (PreparedStatement q = c.prepareStatement("SELECT chain_hash FROM audit_event WHERE project_id = ? "
                        + "AND chain_index = ? ORDER BY position LIMIT 1")) {
                    q.setString(1, project);
                    q.setLong(2, through);
                    try (ResultSet rs = q.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return null;
                        }
                        hash = rs.getString(1);
                    }
                }
                long count;
                try (PreparedStatement d = c.prepareStatement(
                        "DELETE FROM audit_event WHERE project_id = ? AND chain_index <= ?")) {
                    d.setString(1, project);
                    d.setLong(2, through);
                    count = d.executeUpdate();
                }
                try (PreparedStatement a = c.prepareStatement("INSERT INTO chain_anchor (project_id, last_index, last_hash, "
                        + "purged_at) VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET "
                        + "last_index = EXCLUDED.last_index, last_hash = EXCLUDED.last_hash, purged_at = EXCLUDED.purged_at")) {
                    a.setString(1, project);
                    a.setLong(2, through);
                    a.setString(3, hash);
                    a.setTimestamp(4, Timestamp.from(Instant.now()));
                    a.executeUpdate();
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("purged_through_index", through);
                state.put("purged_count", count);
                state.put("anchor_hash", hash);
                state.put("cutoff", cutoff.toString());
                String eventId = record(c, project, "audit_log", "purged", "delete", by, state);
                c.commit();
                return new Purge(project, through, count, cutoff, eventId);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The highest index such that it and every record before it are older than the cutoff. */
    private static long purgeableThrough(Connection c, String project, Instant cutoff) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COALESCE((SELECT MIN(chain_index) - 1 FROM audit_event "
                + "WHERE project_id = ? AND event_time >= ?), (SELECT MAX(chain_index) FROM audit_event "
                + "WHERE project_id = ?), 0)")) {
            q.setString(1, project);
            q.setTimestamp(2, Timestamp.from(cutoff));
            q.setString(3, project);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long anchorIndex(Connection c, String project) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_index FROM chain_anchor WHERE project_id = ?")) {
            q.setString(1, project);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Appends the audit service's own event to a project's chain, in the caller's transaction. */
    private String record(Connection c, String project, String resource, String action, String verb, Initiator by,
            Map<String, Object> state) throws SQLException {
        CloudEvent event = CloudEvent.create(AlertEvents.SOURCE, EventTypes.of(resource, action), project, project,
                new EventData(by, new Target(resource, project, null, project, null), verb, Outcome.SUCCESS, null,
                        EventJson.mapper().valueToTree(state), null));
        ObjectNode json = EventJson.mapper().valueToTree(event);
        store.append(c, List.of(new CanonicalEvent(event, JsonCanonicalizer.canonicalString(json))), Instant.now());
        return event.id();
    }
}

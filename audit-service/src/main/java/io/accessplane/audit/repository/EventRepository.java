package io.accessplane.audit.repository;

import io.accessplane.audit.service.EventCursor;
import io.accessplane.audit.service.EventFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the activity log with the reactive PostgreSQL client. The log is append-only SQL written
 * by the ingest loop, so reads are plain keyset queries rather than entity loads.
 */
@ApplicationScoped
public class EventRepository {

    private static final String COLUMNS = "SELECT position, event_time, ingested_at, project_id, chain_index, "
            + "chain_hash, canonical FROM audit_event";

    private final Pool pool;

    public EventRepository(Pool pool) {
        this.pool = pool;
    }

    /** A page, newest first, strictly after the cursor (older than it). */
    public Uni<List<EventRow>> newestFirst(EventFilter filter, EventCursor after, int limit) {
        Where where = Where.of(filter);
        if (after != null) {
            where.add("(event_time, position) < ($%d, $%d)", utc(after.time()), after.position());
        }
        return query(where, " ORDER BY event_time DESC, position DESC LIMIT " + limit);
    }

    /** A page, oldest first, strictly after the cursor (newer than it): for exports. */
    public Uni<List<EventRow>> oldestFirst(EventFilter filter, EventCursor after, int limit) {
        Where where = Where.of(filter);
        if (after != null) {
            where.add("(event_time, position) > ($%d, $%d)", utc(after.time()), after.position());
        }
        return query(where, " ORDER BY event_time, position LIMIT " + limit);
    }

    /** Rows stored after a position, in storing order: for live streams. */
    public Uni<List<EventRow>> storedAfter(EventFilter filter, long position, int limit) {
        Where where = Where.of(filter);
        where.add("position > $%d", position);
        return query(where, " ORDER BY position LIMIT " + limit);
    }

    /** The newest position stored, 0 when the log is empty. */
    public Uni<Long> lastPosition() {
        return pool.query("SELECT COALESCE(MAX(position), 0) FROM audit_event").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The event with this id (the oldest, should two sources have used the same id). */
    public Uni<EventRow> byId(String eventId) {
        return pool.preparedQuery(COLUMNS + " WHERE event_id = $1 ORDER BY position LIMIT 1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()) : null);
    }

    private Uni<List<EventRow>> query(Where where, String tail) {
        return pool.preparedQuery(COLUMNS + where.sql() + tail).execute(Tuple.from(where.params()))
                .map(rows -> {
                    List<EventRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(row(r));
                    }
                    return out;
                });
    }

    private static EventRow row(Row r) {
        return new EventRow(r.getLong(0), r.getOffsetDateTime(1).toInstant(), r.getOffsetDateTime(2).toInstant(),
                r.getString(3), r.getLong(4), r.getString(5), r.getString(6));
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** A WHERE clause built from a filter, with numbered parameters. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        static Where of(EventFilter f) {
            Where w = new Where();
            w.eq("project_id", f.projectId());
            w.eq("initiator_user_id", f.userId());
            w.eq("application_credential_id", f.applicationCredentialId());
            w.eq("source_address", f.sourceAddress());
            w.eq("target_type", f.targetType());
            w.eq("target_id", f.targetId());
            w.eq("outcome", f.outcome());
            if (f.typePrefix() != null) {
                String escaped = f.typePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                w.add("type LIKE $%d", escaped + "%");
            }
            if (f.since() != null) {
                w.add("event_time >= $%d", utc(f.since()));
            }
            if (f.until() != null) {
                w.add("event_time < $%d", utc(f.until()));
            }
            return w;
        }

        void eq(String column, String value) {
            if (value != null) {
                add(column + " = $%d", value);
            }
        }

        void add(String clause, Object... values) {
            Object[] numbers = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                params.add(values[i]);
                numbers[i] = params.size();
            }
            clauses.add(String.format(clause, numbers));
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        List<Object> params() {
            return params;
        }
    }
}

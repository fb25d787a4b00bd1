package io.accessplane.audit.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.platform.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads alerts and changes their state, with the reactive PostgreSQL client. */
@ApplicationScoped
public class AlertRepository {

    private static final String SELECT = "SELECT a.id::text, a.detector, a.title, a.severity, a.project_id, a.dedup_key, "
            + "a.state, a.first_seen, a.last_seen, a.suppress_until, a.occurrences, a.details, a.updated_at, "
            + "a.updated_by, a.stream_seq, (SELECT string_agg(e.event_id, ',' ORDER BY e.event_id) FROM alert_event e "
            + "WHERE e.alert_id = a.id) AS event_ids FROM alert a";

    private final Pool pool;

    public AlertRepository(Pool pool) {
        this.pool = pool;
    }

    /** Alert filters; null fields do not filter. */
    public record Filter(String projectId, String state, String severity, String detector, Instant since,
            Instant until) {
    }

    /** An alert with its place in the stream order. */
    public record Sequenced(AlertView alert, long streamSeq) {
    }

    /** Alerts newest first (by first seen, then id), strictly older than the cursor. */
    public Uni<List<Sequenced>> newestFirst(Filter f, Instant beforeTime, String beforeId, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions(f, where, params);
        if (beforeTime != null) {
            params.add(EventRepository.utc(beforeTime));
            params.add(UUID.fromString(beforeId));
            where.add("(a.first_seen, a.id) < ($" + (params.size() - 1) + ", $" + params.size() + ")");
        }
        return query(SELECT + clause(where) + " ORDER BY a.first_seen DESC, a.id DESC LIMIT " + limit, params);
    }

    /** Alerts changed after a stream position, in stream order. */
    public Uni<List<Sequenced>> changedAfter(Filter f, long streamSeq, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        conditions(f, where, params);
        params.add(streamSeq);
        where.add("a.stream_seq > $" + params.size());
        return query(SELECT + clause(where) + " ORDER BY a.stream_seq LIMIT " + limit, params);
    }

    /** The newest stream position, 0 when there are no alerts. */
    public Uni<Long> lastStreamSeq() {
        return pool.query("SELECT COALESCE(MAX(stream_seq), 0) FROM alert").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** One alert, or null. */
    public Uni<AlertView> byId(UUID id) {
        return query(SELECT + " WHERE a.id = $1", List.of(id))
                .map(list -> list.isEmpty() ? null : list.get(0).alert());
    }

    /** Sets an alert's state in the connection's transaction; returns the updated alert or null. */
    public Uni<AlertView> setState(SqlConnection c, UUID id, String state, String by, Instant at) {
        return c.preparedQuery("UPDATE alert SET state = $2, updated_by = $3, updated_at = $4, "
                        + "stream_seq = nextval('alert_stream_seq') WHERE id = $1")
                .execute(Tuple.of(id, state, by, EventRepository.utc(at)))
                .chain(() -> c.preparedQuery(SELECT + " WHERE a.id = $1").execute(Tuple.of(id)))
                .map(rows -> rows.iterator().hasNext() ? row(rows.iterator().next()).alert() : null);
    }

    /** Reads an alert for update in the connection's transaction, or null. */
    public Uni<AlertView> lock(SqlConnection c, UUID id) {
        return c.preparedQuery("SELECT id FROM alert WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .chain(rows -> rows.iterator().hasNext()
                        ? c.preparedQuery(SELECT + " WHERE a.id = $1").execute(Tuple.of(id))
                                .map(r -> row(r.iterator().next()).alert())
                        : Uni.createFrom().nullItem());
    }

    private static void conditions(Filter f, List<String> where, List<Object> params) {
        add(where, params, "a.project_id", f.projectId());
        add(where, params, "a.state", f.state());
        add(where, params, "a.severity", f.severity());
        add(where, params, "a.detector", f.detector());
        if (f.since() != null) {
            params.add(EventRepository.utc(f.since()));
            where.add("a.last_seen >= $" + params.size());
        }
        if (f.until() != null) {
            params.add(EventRepository.utc(f.until()));
            where.add("a.first_seen < $" + params.size());
        }
    }

    private static void add(List<String> where, List<Object> params, String column, String value) {
        if (value != null) {
            params.add(value);
            where.add(column + " = $" + params.size());
        }
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private Uni<List<Sequenced>> query(String sql, List<Object> params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<Sequenced> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(row(r));
            }
            return out;
        });
    }

    private static Sequenced row(Row r) {
        String ids = r.getString(15);
        JsonNode details;
        try {
            details = EventJson.mapper().readTree(r.getString(11));
        } catch (Exception e) {
            details = EventJson.mapper().createObjectNode();
        }
        AlertView view = new AlertView(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getOffsetDateTime(7).toInstant(), r.getOffsetDateTime(8).toInstant(),
                r.getOffsetDateTime(9).toInstant(), r.getInteger(10), ids == null ? List.of() : Arrays.asList(ids.split(",")),
                details, r.getOffsetDateTime(12).toInstant(), r.getString(13));
        return new Sequenced(view, r.getLong(14));
    }
}

package io.accessplane.platform.outbox;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTracing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's current reactive transaction, so an event
 * commits with the change it describes or not at all. Call it from a {@code @WithTransaction}
 * service method. Each event gets the W3C trace context of the current span ({@link EventTracing}).
 */
@ApplicationScoped
public class OutboxWriter {

    static final String INSERT_INDEPENDENT = "INSERT INTO outbox_event (event_id, source, type, partition_key, payload) "
            + "VALUES ($1::uuid, $2, $3, $4, $5::text::jsonb)";

    private final io.vertx.mutiny.sqlclient.Pool pool;

    public OutboxWriter(io.vertx.mutiny.sqlclient.Pool pool) {
        this.pool = pool;
    }

    /**
     * Appends an event in a transaction of its own, committed whatever happens to the caller's
     * transaction: for refusals (authorization denials, failed logins) that must be recorded even
     * though the request fails and its own transaction rolls back.
     */
    public Uni<Void> appendIndependently(CloudEvent event) {
        if (event.sequence() != null) {
            return Uni.createFrom().failure(new IllegalArgumentException("the relay assigns sequences"));
        }
        CloudEvent traced = EventTracing.withCurrentTrace(event);
        return pool.withTransaction(connection -> append(connection, traced));
    }

    /**
     * Appends an event in the transaction of the given reactive SQL connection, for services that
     * use the reactive client directly rather than Hibernate Reactive.
     */
    public Uni<Void> append(io.vertx.mutiny.sqlclient.SqlConnection connection, CloudEvent event) {
        if (event.sequence() != null) {
            return Uni.createFrom().failure(new IllegalArgumentException("the relay assigns sequences"));
        }
        String payload = EventJson.write(EventTracing.withCurrentTrace(event));
        return connection.preparedQuery(INSERT_INDEPENDENT)
                .execute(io.vertx.mutiny.sqlclient.Tuple.tuple(java.util.List.of(UUID.fromString(event.id()),
                        event.source(), event.type(), event.partitionKey(), payload)))
                .replaceWithVoid();
    }

    static final String INSERT_JDBC = "INSERT INTO outbox_event (event_id, source, type, partition_key, payload) "
            + "VALUES (?::uuid, ?, ?, ?, ?::jsonb)";

    /**
     * Appends an event in the current transaction of a blocking JDBC connection (auto-commit off),
     * for a worker that owns its connection, such as a Kafka consumer loop.
     */
    public static void append(java.sql.Connection connection, CloudEvent event) throws java.sql.SQLException {
        if (event.sequence() != null) {
            throw new IllegalArgumentException("the relay assigns sequences");
        }
        try (java.sql.PreparedStatement insert = connection.prepareStatement(INSERT_JDBC)) {
            insert.setString(1, event.id());
            insert.setString(2, event.source());
            insert.setString(3, event.type());
            insert.setString(4, event.partitionKey());
            insert.setString(5, EventJson.write(EventTracing.withCurrentTrace(event)));
            insert.executeUpdate();
        }
    }

    static final String INSERT = "INSERT INTO outbox_event (event_id, source, type, partition_key, payload) "
            + "VALUES (cast(:id as uuid), :source, :type, :key, cast(cast(:payload as text) as jsonb))";

    /** Inserts the event in the current transaction; fails if no transaction is active. */
    public Uni<Void> append(CloudEvent event) {
        if (event.sequence() != null) {
            return Uni.createFrom().failure(new IllegalArgumentException("the relay assigns sequences"));
        }
        String payload = EventJson.write(EventTracing.withCurrentTrace(event));
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "OutboxWriter.append needs an active transaction (@WithTransaction)"))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", UUID.fromString(event.id()).toString())
                        .setParameter("source", event.source())
                        .setParameter("type", event.type())
                        .setParameter("key", event.partitionKey())
                        .setParameter("payload", payload)
                        .executeUpdate())
                .replaceWithVoid();
    }
}

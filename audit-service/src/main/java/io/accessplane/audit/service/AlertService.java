package io.accessplane.audit.service;

import io.accessplane.audit.alerts.AlertEvents;
import io.accessplane.audit.alerts.AlertState;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.audit.config.AuditConfig;
import io.accessplane.audit.repository.AlertRepository;
import io.accessplane.audit.repository.LogChangeFeed;
import io.accessplane.audit.rest.AuditException;
import io.accessplane.platform.outbox.OutboxWriter;
import io.accessplane.platform.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Lists alerts, moves them through open, acknowledged and resolved, and follows them live. */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final Pool pool;
    private final OutboxWriter outbox;
    private final AuditConfig config;
    private final LogChangeFeed changes;

    public AlertService(AlertRepository alerts, Pool pool, OutboxWriter outbox, AuditConfig config,
            LogChangeFeed changes) {
        this.alerts = alerts;
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
        this.changes = changes;
    }

    /** A page of the caller's visible alerts, newest first; the cursor is {@code <first_seen>|<id>}. */
    public Uni<List<AlertView>> page(Caller caller, AlertRepository.Filter asked, Instant beforeTime, String beforeId,
            int limit) {
        return alerts.newestFirst(scoped(caller, asked), beforeTime, beforeId, limit)
                .map(list -> list.stream().map(AlertRepository.Sequenced::alert).toList());
    }

    /** One alert; 404 when it does not exist or the caller may not see it. */
    public Uni<AlertView> get(Caller caller, UUID id) {
        return alerts.byId(id).map(a -> {
            if (a == null || !AuditAccess.mayRead(caller, a.projectId())) {
                throw AuditException.notFound("alert " + id);
            }
            return a;
        });
    }

    /**
     * Moves an alert to {@code acknowledged} or {@code resolved} and publishes the change; the same
     * state again is a no-op, going back from resolved is a 409.
     */
    public Uni<AlertView> transition(Caller caller, UUID id, AlertState target) {
        return pool.withTransaction(c -> alerts.lock(c, id).chain(current -> {
            if (current == null || !AuditAccess.mayRead(caller, current.projectId())) {
                throw AuditException.notFound("alert " + id);
            }
            if (!AuditAccess.mayTriage(caller, current.projectId())) {
                throw AuditException.forbidden();
            }
            AlertState from = AlertState.fromWire(current.state());
            if (from == target) {
                return Uni.createFrom().item(current);
            }
            if (from == AlertState.RESOLVED) {
                throw new AuditException(409, "Alert " + id + " is resolved; it cannot be " + target.wireName() + ".");
            }
            return alerts.setState(c, id, target.wireName(), caller.userId(), Instant.now())
                    .call(updated -> outbox.append(c, AlertEvents.of(target.wireName(), updated, caller.toInitiator())));
        }));
    }

    /** Alerts raised or changed after {@code lastEventId} (null = from now), until the token expires. */
    public Multi<AlertRepository.Sequenced> follow(Caller caller, AlertRepository.Filter asked, Long lastEventId) {
        AlertRepository.Filter filter = scoped(caller, asked);
        Uni<Long> start = lastEventId != null ? Uni.createFrom().item(lastEventId) : alerts.lastStreamSeq();
        return start.onItem().transformToMulti(from -> {
            AtomicLong last = new AtomicLong(from);
            LiveTail tail = new LiveTail(changes, config.api().streamPoll(), EventService.CHUNK);
            return Multi.createBy().repeating()
                    .uni(() -> tail.next(() -> alerts.changedAfter(filter, last.get(), EventService.CHUNK)))
                    .whilst(rows -> caller.expiresAt() == null || Instant.now().isBefore(caller.expiresAt()))
                    .onItem().transformToIterable(rows -> {
                        if (!rows.isEmpty()) {
                            last.set(rows.get(rows.size() - 1).streamSeq());
                        }
                        return rows;
                    });
        });
    }

    private static AlertRepository.Filter scoped(Caller caller, AlertRepository.Filter f) {
        String project = AuditAccess.readableProject(caller, f.projectId());
        return new AlertRepository.Filter(project, f.state(), f.severity(), f.detector(), f.since(), f.until());
    }
}

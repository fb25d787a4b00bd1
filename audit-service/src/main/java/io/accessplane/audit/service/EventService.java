package io.accessplane.audit.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.audit.config.AuditConfig;
import io.accessplane.audit.repository.EventRepository;
import io.accessplane.audit.repository.EventRow;
import io.accessplane.audit.repository.LogChangeFeed;
import io.accessplane.audit.rest.AuditException;
import io.accessplane.platform.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Reads the activity log for a caller: pages, single events, the live tail and exports. */
@ApplicationScoped
public class EventService {

    /** Rows read per round trip by streams and exports. */
    static final int CHUNK = 500;

    private final EventRepository events;
    private final AuditConfig config;
    private final LogChangeFeed changes;

    public EventService(EventRepository events, AuditConfig config, LogChangeFeed changes) {
        this.events = events;
        this.config = config;
        this.changes = changes;
    }

    /** A page of the caller's visible events, newest first. */
    public Uni<EventPage> page(Caller caller, EventFilter asked, String cursor, Integer limit) {
        EventFilter filter = scoped(caller, asked);
        EventCursor after = parseCursor(cursor);
        int size = pageSize(limit);
        return events.newestFirst(filter, after, size + 1).map(rows -> {
            List<EventRow> page = rows.size() > size ? rows.subList(0, size) : rows;
            String next = null;
            if (rows.size() > size) {
                EventRow last = page.get(page.size() - 1);
                next = new EventCursor(EventCursor.micros(last.eventTime()), last.position()).encode();
            }
            return new EventPage(page.stream().map(EventRendering::render).toList(), next);
        });
    }

    /** One event, 404 when it does not exist or the caller may not see it. */
    public Uni<ObjectNode> get(Caller caller, String eventId) {
        return events.byId(eventId).map(row -> {
            if (row == null || !AuditAccess.mayRead(caller, row.projectId())) {
                throw AuditException.notFound("event " + eventId);
            }
            return EventRendering.render(row);
        });
    }

    /**
     * The live tail: events stored after {@code lastEventId} (the {@code audit.position} of the last
     * event the client received; null = from now), in storing order, until the caller's token expires.
     */
    public Multi<EventRow> follow(Caller caller, EventFilter asked, Long lastEventId) {
        EventFilter filter = scoped(caller, asked);
        Uni<Long> start = lastEventId != null ? Uni.createFrom().item(lastEventId) : events.lastPosition();
        return start.onItem().transformToMulti(from -> {
            AtomicLong last = new AtomicLong(from);
            LiveTail tail = new LiveTail(changes, config.api().streamPoll(), CHUNK);
            return Multi.createBy().repeating()
                    .uni(() -> tail.next(() -> events.storedAfter(filter, last.get(), CHUNK)))
                    .whilst(rows -> stillValid(caller))
                    .onItem().transformToIterable(rows -> {
                        if (!rows.isEmpty()) {
                            last.set(rows.get(rows.size() - 1).position());
                        }
                        return rows;
                    });
        });
    }

    /** Every visible event of a filtered range, oldest first, read in chunks: for SIEM exports. */
    public Multi<ObjectNode> export(Caller caller, EventFilter asked) {
        EventFilter filter = scoped(caller, asked);
        AtomicReference<EventCursor> after = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> events.oldestFirst(filter, after.get(), CHUNK))
                .until(List::isEmpty)
                .onItem().transformToIterable(rows -> {
                    EventRow last = rows.get(rows.size() - 1);
                    after.set(new EventCursor(EventCursor.micros(last.eventTime()), last.position()));
                    return rows;
                })
                .map(EventRendering::render);
    }

    private static boolean stillValid(Caller caller) {
        return caller.expiresAt() == null || Instant.now().isBefore(caller.expiresAt());
    }

    private EventFilter scoped(Caller caller, EventFilter asked) {
        return asked.inProject(AuditAccess.readableProject(caller, asked.projectId()));
    }

    private static EventCursor parseCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        EventCursor c = EventCursor.decode(cursor);
        if (c == null) {
            throw AuditException.badRequest("Invalid cursor: use the 'next' value of a previous page.");
        }
        return c;
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return config.api().defaultLimit();
        }
        if (limit < 1 || limit > config.api().maxLimit()) {
            throw AuditException.badRequest("limit must be between 1 and " + config.api().maxLimit() + ".");
        }
        return limit;
    }

    /** Poll interval of live streams, for callers that build keep-alives. */
    public Duration pollInterval() {
        return config.api().streamPoll();
    }
}

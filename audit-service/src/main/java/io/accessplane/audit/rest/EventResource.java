package io.accessplane.audit.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.audit.repository.EventRow;
import io.accessplane.audit.service.EventFilter;
import io.accessplane.audit.service.EventRendering;
import io.accessplane.audit.service.EventService;
import io.accessplane.platform.security.CallerContext;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The activity log: filtered pages, single events, a live SSE tail and an NDJSON export. */
@Path("/v1/events")
public class EventResource {

    private final EventService events;
    private final CallerContext callers;
    private final SecurityIdentity identity;

    public EventResource(EventService events, CallerContext callers, SecurityIdentity identity) {
        this.events = events;
        this.callers = callers;
        this.identity = identity;
    }

    /** A page, newest first; {@code next} is the cursor of the following page, absent on the last. */
    @Operation(summary = "List audit events, newest first, cursor-paged")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> list(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        return JsonBody.ok(Uni.createFrom().item(() -> EventQueryParser.parse(query, Set.of("limit", "cursor")))
                .chain(filter -> callers.current().chain(caller -> events.page(caller, filter,
                        EventQueryParser.value(query, "cursor"), EventQueryParser.integer(query, "limit"))))
                .map(page -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("events", page.events());
                    body.put("next", page.next());
                    if (page.next() != null) {
                        body.put("links", Map.of("next", uri.getRequestUriBuilder()
                                .replaceQueryParam("cursor", page.next()).build().toString()));
                    }
                    return body;
                }));
    }

    /** The live tail as server-sent events; each event's SSE id is its position, for {@code Last-Event-ID}. */
    @Operation(summary = "Stream audit events live (SSE, resumable with Last-Event-ID)")
    @GET
    @Path("stream")
    @Authenticated
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context UriInfo uri, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        // Everything that can refuse the request happens before the stream starts.
        var query = uri.getQueryParameters();
        EventFilter filter = EventQueryParser.parse(query, Set.of("last_event_id"));
        Long resume = resumeFrom(lastEventId, EventQueryParser.value(query, "last_event_id"));
        return events.follow(callers.of(identity), filter, resume).map(row -> sseEvent(sse, row));
    }

    /** Every event of a filtered range, oldest first, one JSON object per line (for SIEMs). */
    @Operation(summary = "Export audit events oldest first (NDJSON)")
    @GET
    @Path("export")
    @Authenticated
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<io.vertx.core.buffer.Buffer> export(@Context UriInfo uri) {
        EventFilter filter = EventQueryParser.parse(uri.getQueryParameters(), Set.of());
        // Each line is the event's JSON text as bytes: a String element would be written as a JSON string literal.
        return events.export(callers.of(identity), filter).map(e -> io.vertx.core.buffer.Buffer.buffer(e.toString()));
    }

    /** One event by its CloudEvents id. */
    @Operation(summary = "Show an audit event with its chain link")
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@PathParam("id") String id) {
        return JsonBody.ok(callers.current().chain(caller -> events.get(caller, id)).map(e -> Map.of("event", e)));
    }

    private static Long resumeFrom(String header, String param) {
        String v = header != null && !header.isBlank() ? header.trim() : param;
        if (v == null) {
            return null;
        }
        try {
            long position = Long.parseLong(v);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw AuditException.badRequest("Last-Event-ID must be the id of an event this stream sent.");
        }
    }

    private static OutboundSseEvent sseEvent(Sse sse, EventRow row) {
        return sse.newEventBuilder().id(Long.toString(row.position())).name("audit-event")
                .data(EventRendering.render(row).toString()).build();
    }
}

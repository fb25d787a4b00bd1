package io.accessplane.audit.rest;

import io.accessplane.audit.alerts.AlertState;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.audit.repository.AlertRepository;
import io.accessplane.audit.service.AlertService;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.security.CallerContext;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Alerts raised by the detectors: list, show, acknowledge, resolve, and a live SSE stream. */
@Path("/v1/alerts")
public class AlertResource {

    private static final Set<String> FILTERS = Set.of("project_id", "state", "severity", "detector", "since", "until");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

    private final AlertService alerts;
    private final CallerContext callers;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, CallerContext callers, SecurityIdentity identity) {
        this.alerts = alerts;
        this.callers = callers;
        this.identity = identity;
    }

    /** A page of alerts, newest first, with {@code next} for the following page. */
    @Operation(summary = "List alerts (filters: project, state, severity, detector, time)")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return JsonBody.ok(Uni.createFrom().item(() -> filter(q, Set.of("limit", "cursor")))
                .chain(f -> {
                    String[] cursor = cursor(EventQueryParser.value(q, "cursor"));
                    Integer limit = EventQueryParser.integer(q, "limit");
                    int size = limit == null ? 100 : limit;
                    if (size < 1 || size > 1000) {
                        throw AuditException.badRequest("limit must be between 1 and 1000.");
                    }
                    return callers.current().chain(caller -> alerts.page(caller, f,
                            cursor == null ? null : Instant.parse(cursor[0]), cursor == null ? null : cursor[1], size + 1))
                            .map(list -> body(list, size));
                }));
    }

    /** One alert with the ids of the events that caused it. */
    @Operation(summary = "Show an alert")
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        return JsonBody.ok(callers.current().chain(caller -> alerts.get(caller, uuid)).map(a -> Map.of("alert", a)));
    }

    /** Marks an alert as seen by an operator. */
    @Operation(summary = "Acknowledge an alert")
    @POST
    @Path("{id}/acknowledge")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> acknowledge(@PathParam("id") String id) {
        return change(id, AlertState.ACKNOWLEDGED);
    }

    /** Closes an alert. */
    @Operation(summary = "Resolve an alert")
    @POST
    @Path("{id}/resolve")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> resolve(@PathParam("id") String id) {
        return change(id, AlertState.RESOLVED);
    }

    /** Alerts as they are raised or change, as server-sent events resumable with {@code Last-Event-ID}. */
    @Operation(summary = "Stream alerts live (SSE, resumable with Last-Event-ID)")
    @GET
    @Path("stream")
    @Authenticated
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context UriInfo uri, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        // Everything that can refuse the request happens before the stream starts.
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        AlertRepository.Filter filter = filter(q, Set.of("last_event_id"));
        Long resume = position(lastEventId != null ? lastEventId : EventQueryParser.value(q, "last_event_id"));
        return alerts.follow(callers.of(identity), filter, resume)
                .map(s -> sse.newEventBuilder().id(Long.toString(s.streamSeq())).name("alert")
                        .data(JsonBody.text(s.alert())).build());
    }

    private Uni<Response> change(String id, AlertState target) {
        UUID uuid = uuid(id);
        return JsonBody.ok(callers.current().chain(caller -> alerts.transition(caller, uuid, target))
                .map(a -> Map.of("alert", a)));
    }

    private static Map<String, Object> body(List<AlertView> list, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<AlertView> page = list.size() > size ? list.subList(0, size) : list;
        body.put("alerts", page);
        if (list.size() > size) {
            AlertView last = page.get(page.size() - 1);
            body.put("next", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.firstSeen() + "|" + last.id()).getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("next", null);
        }
        return body;
    }

    private static AlertRepository.Filter filter(MultivaluedMap<String, String> q, Set<String> extra) {
        EventQueryParser.requireKnown(q, FILTERS, extra);
        String state = EventQueryParser.value(q, "state");
        if (state != null && AlertState.fromWire(state) == null) {
            throw AuditException.badRequest("state must be open, acknowledged or resolved.");
        }
        String severity = EventQueryParser.value(q, "severity");
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw AuditException.badRequest("severity must be low, medium, high or critical.");
        }
        MultivaluedMap<String, String> times = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        for (String t : List.of("since", "until")) {
            if (q.containsKey(t)) {
                times.put(t, q.get(t));
            }
        }
        var window = EventQueryParser.parse(times, Set.of());
        return new AlertRepository.Filter(EventQueryParser.value(q, "project_id"), state, severity,
                EventQueryParser.value(q, "detector"), window.since(), window.until());
    }

    private static String[] cursor(String s) {
        if (s == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 2);
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw AuditException.badRequest("Invalid cursor: use the 'next' value of a previous page.");
        }
    }

    private static UUID uuid(String id) {
        try {
            UUID u = UUID.fromString(id);
            if (!u.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw AuditException.notFound("alert " + id.replaceAll("[^\\x20-\\x7e]", "?"));
        }
    }

    private static Long position(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long p = Long.parseLong(v.trim());
            if (p < 0) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw AuditException.badRequest("Last-Event-ID must be the id of an alert this stream sent.");
        }
    }
}

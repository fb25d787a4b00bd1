package io.accessplane.platform.sample;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Test-only endpoints that drive the platform the way a service's resources do. */
@Path("/test")
public class WidgetResource {

    private final WidgetService widgets;
    private final CallerContext callers;

    public WidgetResource(WidgetService widgets, CallerContext callers) {
        this.widgets = widgets;
        this.callers = callers;
    }

    /** Creates a widget with its event (anonymous callers allowed here). */
    @POST
    @Path("/widgets/{name}")
    public Uni<Response> create(@PathParam("name") String name, @QueryParam("project") String project,
            @QueryParam("fail") boolean fail, @QueryParam("resource_bytes") int resourceBytes) {
        return widgets.create(null, name, project, fail, resourceBytes)
                .map(e -> Response.status(201).entity(Map.of("event_id", e.id())).build())
                .onFailure(IllegalStateException.class)
                .recoverWithItem(f -> Response.status(409).entity(Map.of("error", f.getMessage())).build());
    }

    /** Who the token says the caller is. */
    @GET
    @Path("/whoami")
    public Uni<Caller> whoami() {
        return callers.current();
    }

    /** Revokes a token by audit id through the outbox. */
    @POST
    @Path("/revocations/{auditId}")
    public Uni<CloudEvent> revoke(@PathParam("auditId") String auditId) {
        return widgets.revokeToken(auditId);
    }
}

package io.accessplane.audit.rest;

import io.accessplane.audit.posture.PostureReport;
import io.accessplane.audit.service.PostureService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Inventory built from the events, and a project's posture against the operators' checklist. */
@Path("/v1")
public class PostureResource {

    private final PostureService posture;
    private final CallerContext callers;

    public PostureResource(PostureService posture, CallerContext callers) {
        this.posture = posture;
        this.callers = callers;
    }

    /** Live key pairs with owner, creation and last use. */
    @Operation(summary = "List live key pairs (inventory)")
    @GET
    @Path("inventory/keypairs")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> keypairs(@Context UriInfo uri) {
        String project = project(uri.getQueryParameters());
        return JsonBody.ok(callers.current().chain(c -> posture.keypairs(c, project)).map(list -> Map.of("keypairs", list)));
    }

    /** Live application credentials with owner, creation, expiry, restriction and last use. */
    @Operation(summary = "List live application credentials with age and last use (inventory)")
    @GET
    @Path("inventory/application_credentials")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> credentials(@Context UriInfo uri) {
        String project = project(uri.getQueryParameters());
        return JsonBody.ok(callers.current().chain(c -> posture.credentials(c, project))
                .map(list -> Map.of("application_credentials", list)));
    }

    /** The project's score and every check with the resources it concerns. */
    @Operation(summary = "Score a project's posture (checks P1-P10)")
    @GET
    @Path("posture")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> posture(@Context UriInfo uri) {
        String project = project(uri.getQueryParameters());
        return JsonBody.ok(callers.current().chain(c -> posture.posture(c, project)));
    }

    private static String project(MultivaluedMap<String, String> q) {
        EventQueryParser.requireKnown(q, Set.of("project_id"), Set.of());
        return EventQueryParser.value(q, "project_id");
    }
}

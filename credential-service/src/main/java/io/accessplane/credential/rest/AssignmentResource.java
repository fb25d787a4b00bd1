package io.accessplane.credential.rest;

import io.accessplane.credential.service.AssignmentService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Role grants of users on projects: {@code /v3/projects/{p}/users/{u}/roles[/{r}]}. */
@Path("/v3/projects/{p}/users/{u}/roles")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final AssignmentService assignments;
    private final CallerContext callers;

    public AssignmentResource(AssignmentService assignments, CallerContext callers) {
        this.assignments = assignments;
        this.callers = callers;
    }

    /** Grants a role. */
    @Operation(summary = "Grant a role to a user on a project")
    @PUT
    @Path("/{r}")
    public Uni<Response> grant(@PathParam("p") String p, @PathParam("u") String u, @PathParam("r") String r) {
        return callers.current().chain(c -> assignments.grant(c, p, u, r)).map(x -> Response.noContent().build());
    }

    /** Checks a grant. */
    @Operation(summary = "Check a user's role on a project")
    @HEAD
    @Path("/{r}")
    public Uni<Response> check(@PathParam("p") String p, @PathParam("u") String u, @PathParam("r") String r) {
        return callers.current().chain(c -> assignments.check(c, p, u, r)).map(x -> Response.noContent().build());
    }

    /** Checks a grant (GET form). */
    @Operation(summary = "Check a user's role on a project (GET form)")
    @GET
    @Path("/{r}")
    public Uni<Response> checkGet(@PathParam("p") String p, @PathParam("u") String u, @PathParam("r") String r) {
        return check(p, u, r);
    }

    /** Revokes a grant. */
    @Operation(summary = "Revoke a user's role on a project")
    @DELETE
    @Path("/{r}")
    public Uni<Response> revoke(@PathParam("p") String p, @PathParam("u") String u, @PathParam("r") String r) {
        return callers.current().chain(c -> assignments.revoke(c, p, u, r)).map(x -> Response.noContent().build());
    }

    /** Lists a user's roles on a project. */
    @Operation(summary = "List a user's roles on a project")
    @GET
    public Uni<Map<String, Object>> rolesOf(@PathParam("p") String p, @PathParam("u") String u) {
        return callers.current().chain(c -> assignments.list(c, u, p, null, true))
                .map(list -> Map.of("roles", list.stream().map(a -> a.get("role")).toList(),
                        "links", Map.of("self", "/v3/projects/" + p + "/users/" + u + "/roles")));
    }
}

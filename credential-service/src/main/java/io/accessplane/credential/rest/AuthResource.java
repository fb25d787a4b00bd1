package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.credential.service.Catalog;
import io.accessplane.credential.service.ProjectService;
import io.accessplane.credential.service.TokenService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keystone's {@code /v3/auth}: issue, validate, check and revoke tokens; catalog; projects. */
@Path("/v3/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    static final String SUBJECT = "X-Subject-Token";

    private final TokenService tokens;
    private final ProjectService projects;
    private final CallerContext callers;
    private final Catalog catalog;
    private final RequestOrigins origins;

    public AuthResource(TokenService tokens, ProjectService projects, CallerContext callers, Catalog catalog,
            RequestOrigins origins) {
        this.tokens = tokens;
        this.projects = projects;
        this.callers = callers;
        this.catalog = catalog;
        this.origins = origins;
    }

    /** Authenticates with a password or an application credential. */
    @Operation(summary = "Issue a token (password or application credential)")
    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(JsonNode body, RoutingContext context) {
        boolean withCatalog = !context.queryParams().contains("nocatalog");
        return Uni.createFrom().item(() -> AuthRequestParser.parse(body))
                .chain(request -> tokens.issue(request, origins.of(context)))
                .map(t -> Response.status(201).header(SUBJECT, t.jwt())
                        .entity(TokenBodies.body(t, catalog, withCatalog)).build());
    }

    /** Validates the subject token. */
    @Operation(summary = "Validate a token (X-Subject-Token) and show its body")
    @GET
    @Path("/tokens")
    public Uni<Response> validate(@HeaderParam(SUBJECT) String subject, RoutingContext context) {
        boolean withCatalog = !context.queryParams().contains("nocatalog");
        return callers.current().chain(caller -> tokens.validate(caller, subject))
                .map(t -> Response.ok(TokenBodies.body(t, catalog, withCatalog)).header(SUBJECT, t.jwt()).build());
    }

    /** Checks the subject token without a body. */
    @Operation(summary = "Check a token (X-Subject-Token)")
    @HEAD
    @Path("/tokens")
    public Uni<Response> check(@HeaderParam(SUBJECT) String subject) {
        return callers.current().chain(caller -> tokens.validate(caller, subject))
                .map(t -> Response.ok().header(SUBJECT, t.jwt()).build());
    }

    /** Revokes the subject token. */
    @Operation(summary = "Revoke a token (X-Subject-Token)")
    @DELETE
    @Path("/tokens")
    public Uni<Response> revoke(@HeaderParam(SUBJECT) String subject) {
        return callers.current().chain(caller -> tokens.revoke(caller, subject))
                .map(x -> Response.noContent().build());
    }

    /** The catalog for the caller's token. */
    @Operation(summary = "Show the service catalog of the caller's token")
    @GET
    @Path("/catalog")
    public Uni<Map<String, Object>> catalog() {
        return callers.current().map(caller -> Map.of("catalog", catalog.services(),
                "links", Map.of("self", "/v3/auth/catalog")));
    }

    /** The projects the caller may scope to. */
    @Operation(summary = "List the projects the caller can scope to")
    @GET
    @Path("/projects")
    public Uni<Map<String, Object>> projects() {
        return callers.current().chain(projects::scopableBy)
                .map(list -> Map.of("projects", list, "links", Map.of("self", "/v3/auth/projects")));
    }
}

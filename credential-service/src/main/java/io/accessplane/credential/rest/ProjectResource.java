package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.credential.service.ProjectService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keystone's {@code /v3/projects}. */
@Path("/v3/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final CallerContext callers;

    public ProjectResource(ProjectService projects, CallerContext callers) {
        this.projects = projects;
        this.callers = callers;
    }

    /** Creates a project. */
    @Operation(summary = "Create a project")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        return callers.current().chain(caller -> {
            JsonNode p = JsonBody.wrapped(body, "project");
            JsonBody.onlyKnown(p, "project", Set.of("name", "description", "enabled", "domain_id", "is_domain",
                    "parent_id", "tags", "options"));
            String name = JsonBody.requiredString(p, "name", 64);
            String domain = JsonBody.optionalString(p, "domain_id", 64);
            if (domain != null && !"default".equals(domain)) {
                throw KeystoneException.notFound("domain", domain);
            }
            String parent = JsonBody.optionalString(p, "parent_id", 64);
            if (parent != null && !"default".equals(parent)) {
                throw KeystoneException.badRequest("Projects are top-level in the default domain: parent_id, when "
                        + "given, must be 'default'.");
            }
            if (Boolean.TRUE.equals(JsonBody.optionalBoolean(p, "is_domain"))) {
                throw KeystoneException.badRequest("Only the default domain exists; projects cannot be domains.");
            }
            Boolean enabled = JsonBody.optionalBoolean(p, "enabled");
            return projects.create(caller, name, JsonBody.optionalText(p, "description", 65535),
                    enabled == null || enabled);
        }).map(view -> Response.status(201).entity(Map.of("project", view)).build());
    }

    /** Lists projects (admin). */
    @Operation(summary = "List projects")
    @GET
    public Uni<Map<String, Object>> list(@QueryParam("name") String name) {
        return callers.current().chain(caller -> projects.list(caller, name))
                .map(list -> Map.of("projects", list, "links", Map.of("self", "/v3/projects")));
    }

    /** Shows a project. */
    @Operation(summary = "Show a project")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return callers.current().chain(caller -> projects.get(caller, id)).map(p -> Map.of("project", p));
    }

    /** Deletes a project. */
    @Operation(summary = "Delete a project")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return callers.current().chain(caller -> projects.delete(caller, id)).map(x -> Response.noContent().build());
    }
}

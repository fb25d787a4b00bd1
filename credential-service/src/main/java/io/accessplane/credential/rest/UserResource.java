package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.credential.service.UserService;
import io.accessplane.credential.service.UserService.UserChanges;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Keystone's {@code /v3/users}. */
@Path("/v3/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final Set<String> FIELDS = Set.of("name", "password", "enabled", "domain_id", "default_project_id",
            "description", "email", "options", "federated");

    private final UserService users;
    private final CallerContext callers;

    public UserResource(UserService users, CallerContext callers) {
        this.users = users;
        this.callers = callers;
    }

    static UserChanges changes(JsonNode u, boolean create) {
        JsonBody.onlyKnown(u, "user", FIELDS);
        String domain = JsonBody.optionalString(u, "domain_id", 64);
        if (domain != null && !"default".equals(domain)) {
            throw KeystoneException.notFound("domain", domain);
        }
        String name = create ? JsonBody.requiredString(u, "name", 255) : JsonBody.optionalString(u, "name", 255);
        String password = JsonBody.optionalText(u, "password", 4096);
        if (password != null && password.isEmpty()) {
            throw KeystoneException.invalidField("password", "must not be empty");
        }
        return new UserChanges(name, JsonBody.optionalBoolean(u, "enabled"), password,
                JsonBody.optionalString(u, "default_project_id", 64), JsonBody.optionalText(u, "description", 65535),
                JsonBody.optionalString(u, "email", 255));
    }

    /** Creates a user. */
    @Operation(summary = "Create a user")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        return callers.current()
                .chain(caller -> users.create(caller, changes(JsonBody.wrapped(body, "user"), true)))
                .map(view -> Response.status(201).entity(Map.of("user", view)).build());
    }

    /** Lists users. */
    @Operation(summary = "List users")
    @GET
    public Uni<Map<String, Object>> list(@QueryParam("name") String name, @QueryParam("enabled") String enabled) {
        Boolean on = enabled == null ? null : !("false".equalsIgnoreCase(enabled) || "0".equals(enabled));
        return callers.current().chain(caller -> users.list(caller, name, on))
                .map(list -> Map.of("users", list, "links", Map.of("self", "/v3/users")));
    }

    /** Shows a user. */
    @Operation(summary = "Show a user")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return callers.current().chain(caller -> users.get(caller, id)).map(u -> Map.of("user", u));
    }

    /** Updates a user. */
    @Operation(summary = "Update a user")
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> update(@PathParam("id") String id, JsonNode body) {
        return callers.current()
                .chain(caller -> users.update(caller, id, changes(JsonBody.wrapped(body, "user"), false)))
                .map(u -> Map.of("user", u));
    }

    /** Deletes a user. */
    @Operation(summary = "Delete a user and revoke its tokens")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return callers.current().chain(caller -> users.delete(caller, id)).map(x -> Response.noContent().build());
    }

    /** Changes one's own password. */
    @Operation(summary = "Change one's own password")
    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> changePassword(@PathParam("id") String id, JsonNode body) {
        return callers.current().chain(caller -> {
            JsonNode u = JsonBody.wrapped(body, "user");
            JsonBody.onlyKnown(u, "user", Set.of("password", "original_password"));
            String original = JsonBody.optionalText(u, "original_password", 4096);
            String password = JsonBody.optionalText(u, "password", 4096);
            if (original == null || password == null || password.isEmpty()) {
                throw KeystoneException.badRequest("Both 'password' and 'original_password' are required.");
            }
            return users.changePassword(caller, id, original, password);
        }).map(x -> Response.noContent().build());
    }

    /** The projects a user holds roles on. */
    @Operation(summary = "List a user's projects")
    @GET
    @Path("/{id}/projects")
    public Uni<Map<String, Object>> projects(@PathParam("id") String id) {
        return callers.current().chain(caller -> {
            if (!caller.isAdmin() && !id.equals(caller.userId())) {
                throw KeystoneException.forbiddenAction("identity:list_user_projects");
            }
            return Uni.createFrom().item(caller);
        }).chain(caller -> users.projectsOf(id))
                .map(list -> Map.of("projects", list, "links", Map.of("self", "/v3/users/" + id + "/projects")));
    }
}

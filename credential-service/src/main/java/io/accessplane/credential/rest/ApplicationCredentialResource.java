package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.credential.service.ApplicationCredentialService;
import io.accessplane.credential.service.ApplicationCredentialService.NewAccessRule;
import io.accessplane.credential.service.ApplicationCredentialService.NewCredential;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keystone's {@code /v3/users/{user_id}/application_credentials}. */
@Path("/v3/users/{userId}/application_credentials")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationCredentialResource {

    private static final Set<String> FIELDS = Set.of("name", "description", "secret", "expires_at", "roles",
            "unrestricted", "access_rules", "system");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private final ApplicationCredentialService credentials;
    private final CallerContext callers;

    public ApplicationCredentialResource(ApplicationCredentialService credentials, CallerContext callers) {
        this.credentials = credentials;
        this.callers = callers;
    }

    static NewCredential parse(JsonNode body) {
        JsonNode c = JsonBody.wrapped(body, "application_credential");
        JsonBody.onlyKnown(c, "application_credential", FIELDS);
        String name = JsonBody.requiredString(c, "name", 255);
        String secret = JsonBody.optionalText(c, "secret", 4096);
        if (secret != null && secret.isEmpty()) {
            secret = null;
        }
        if (c.hasNonNull("system")) {
            throw KeystoneException.invalidField("system", "system-scoped application credentials are not supported");
        }
        List<String> roles = null;
        JsonNode r = c.get("roles");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                throw KeystoneException.invalidField("roles", "must be an array");
            }
            roles = new ArrayList<>();
            for (JsonNode role : r) {
                if (!role.isObject()) {
                    throw KeystoneException.invalidField("roles", "each role is an object with 'id' or 'name'");
                }
                JsonBody.onlyKnown(role, "roles", Set.of("id", "name", "domain_id"));
                String id = JsonBody.optionalString(role, "id", 64);
                String roleName = JsonBody.optionalString(role, "name", 255);
                if (id == null && roleName == null) {
                    throw KeystoneException.invalidField("roles", "each role needs 'id' or 'name'");
                }
                roles.add(id != null ? id : roleName);
            }
        }
        List<NewAccessRule> rules = new ArrayList<>();
        JsonNode a = c.get("access_rules");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) {
                throw KeystoneException.invalidField("access_rules", "must be an array");
            }
            for (JsonNode rule : a) {
                if (!rule.isObject()) {
                    throw KeystoneException.invalidField("access_rules", "each rule is an object");
                }
                JsonBody.onlyKnown(rule, "access_rules", Set.of("id", "service", "path", "method"));
                String id = JsonBody.optionalString(rule, "id", 64);
                if (id != null) {
                    rules.add(new NewAccessRule(id, null, null, null));
                    continue;
                }
                String service = JsonBody.requiredString(rule, "service", 64);
                String path = JsonBody.requiredString(rule, "path", 225);
                String method = JsonBody.requiredString(rule, "method", 16);
                if (!path.startsWith("/")) {
                    throw KeystoneException.invalidField("path", "must start with /");
                }
                if (!METHODS.contains(method)) {
                    throw KeystoneException.invalidField("method", "must be one of GET, HEAD, POST, PUT, PATCH, DELETE");
                }
                if (!service.matches("[a-z][a-z0-9-]*")) {
                    throw KeystoneException.invalidField("service", "must be a service type");
                }
                rules.add(new NewAccessRule(null, service, path, method));
            }
        }
        Boolean unrestricted = JsonBody.optionalBoolean(c, "unrestricted");
        return new NewCredential(name, JsonBody.optionalText(c, "description", 65535), secret,
                JsonBody.optionalTime(c, "expires_at"), roles, unrestricted != null && unrestricted, rules);
    }

    /** Creates a credential; the secret is in this answer only. */
    @Operation(summary = "Create an application credential (the secret is shown once)")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("userId") String userId, JsonNode body) {
        return callers.current().chain(caller -> credentials.create(caller, userId, parse(body)))
                .map(view -> Response.status(201).entity(Map.of("application_credential", view)).build());
    }

    /** Lists a user's credentials. */
    @Operation(summary = "List a user's application credentials, with last use (extension)")
    @GET
    public Uni<Map<String, Object>> list(@PathParam("userId") String userId, @QueryParam("name") String name) {
        return callers.current().chain(caller -> credentials.list(caller, userId, name))
                .map(list -> Map.of("application_credentials", list, "links",
                        Map.of("self", "/v3/users/" + userId + "/application_credentials", "previous", "",
                                "next", "")));
    }

    /** Shows a credential. */
    @Operation(summary = "Show an application credential, with last use (extension)")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("userId") String userId, @PathParam("id") String id) {
        return callers.current().chain(caller -> credentials.get(caller, userId, id))
                .map(v -> Map.of("application_credential", v));
    }

    /** Checks a credential exists. */
    @Operation(summary = "Check that an application credential exists")
    @HEAD
    @Path("/{id}")
    public Uni<Response> head(@PathParam("userId") String userId, @PathParam("id") String id) {
        return callers.current().chain(caller -> credentials.get(caller, userId, id)).map(v -> Response.ok().build());
    }

    /** Deletes a credential. */
    @Operation(summary = "Delete an application credential and revoke its tokens")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("userId") String userId, @PathParam("id") String id) {
        return callers.current().chain(caller -> credentials.delete(caller, userId, id))
                .map(x -> Response.noContent().build());
    }
}

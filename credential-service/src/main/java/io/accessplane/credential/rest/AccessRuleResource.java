package io.accessplane.credential.rest;

import io.accessplane.credential.service.ApplicationCredentialService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keystone's {@code /v3/users/{user_id}/access_rules}. */
@Path("/v3/users/{userId}/access_rules")
@Produces(MediaType.APPLICATION_JSON)
public class AccessRuleResource {

    private final ApplicationCredentialService credentials;
    private final CallerContext callers;

    public AccessRuleResource(ApplicationCredentialService credentials, CallerContext callers) {
        this.credentials = credentials;
        this.callers = callers;
    }

    /** Lists a user's access rules. */
    @Operation(summary = "List a user's access rules")
    @GET
    public Uni<Map<String, Object>> rules(@PathParam("userId") String userId) {
        return callers.current().chain(caller -> credentials.listAccessRules(caller, userId))
                .map(list -> Map.of("access_rules", list, "links", Map.of("self", "/v3/users/" + userId + "/access_rules")));
    }

    /** Shows an access rule. */
    @Operation(summary = "Show an access rule")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> rule(@PathParam("userId") String userId, @PathParam("id") String id) {
        return callers.current().chain(caller -> credentials.getAccessRule(caller, userId, id))
                .map(v -> Map.of("access_rule", v));
    }

    /** Deletes an unused access rule. */
    @Operation(summary = "Delete an access rule no application credential uses")
    @DELETE
    @Path("/{id}")
    public Uni<Response> deleteRule(@PathParam("userId") String userId, @PathParam("id") String id) {
        return callers.current().chain(caller -> credentials.deleteAccessRule(caller, userId, id))
                .map(x -> Response.noContent().build());
    }
}

package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.security.CallerContext;
import io.accessplane.secgroup.service.QuotaAdminService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Neutron's {@code /v2.0/quotas/{project_id}} (and {@code /details}) for the two security group resources. */
@Path("/v2.0/quotas")
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {

    private final QuotaAdminService quotas;
    private final CallerContext callers;

    public QuotaResource(QuotaAdminService quotas, CallerContext callers) {
        this.quotas = quotas;
        this.callers = callers;
    }

    /** The project's limits. */
    @Operation(summary = "Show a project's security group quotas")
    @GET
    @Path("/{project}")
    public Uni<Response> show(@PathParam("project") String project) {
        return callers.current().chain(c -> quotas.limits(c, project))
                .map(l -> Response.ok(Map.of("quota", l)).build());
    }

    /** The project's limits with usage ({@code used}, {@code limit}, {@code reserved}). */
    @Operation(summary = "Show a project's quota usage")
    @GET
    @Path("/{project}/details")
    public Uni<Response> details(@PathParam("project") String project) {
        return callers.current().chain(c -> quotas.details(c, project))
                .map(d -> Response.ok(Map.of("quota", d)).build());
    }

    /** Sets limits (admin). */
    @Operation(summary = "Update a project's quotas")
    @PUT
    @Path("/{project}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> update(@PathParam("project") String project, JsonNode body) {
        Map<String, Integer> values = parse(body);
        return callers.current().chain(c -> quotas.set(c, project, values))
                .map(l -> Response.ok(Map.of("quota", l)).build());
    }

    /** Back to the defaults (admin, 204). */
    @Operation(summary = "Reset a project's quotas to the defaults")
    @DELETE
    @Path("/{project}")
    public Uni<Response> reset(@PathParam("project") String project) {
        return callers.current().chain(c -> quotas.reset(c, project)).map(x -> Response.noContent().build());
    }

    static Map<String, Integer> parse(JsonNode body) {
        JsonNode q = NeutronBodies.resource(body, "quota");
        NeutronBodies.attributes(q, java.util.Set.of("security_group", "security_group_rule"));
        Map<String, Integer> values = new LinkedHashMap<>();
        q.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            int n;
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                n = v.asInt();
            } else if (v.isTextual() && v.asText().matches("-?[0-9]{1,9}")) {
                n = Integer.parseInt(v.asText());
            } else {
                throw NeutronException.badRequest("Invalid input for " + e.getKey() + ". Reason: '" + v.asText()
                        + "' is not an integer.");
            }
            if (n < -1) {
                throw NeutronException.badRequest("Invalid input for " + e.getKey() + ". Reason: '" + n
                        + "' is smaller than permitted minimum value '-1'.");
            }
            values.put(e.getKey(), n);
        });
        return values;
    }
}

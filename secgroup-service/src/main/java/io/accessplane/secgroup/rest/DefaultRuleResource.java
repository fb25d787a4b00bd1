package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.security.CallerContext;
import io.accessplane.secgroup.rest.listing.ListQuery;
import io.accessplane.secgroup.rest.listing.Listing;
import io.accessplane.secgroup.rest.listing.ResourceSchema;
import io.accessplane.secgroup.rules.RuleRequest;
import io.accessplane.secgroup.service.DefaultRuleService;
import io.accessplane.secgroup.service.DefaultRuleService.TemplateRuleRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Neutron's {@code /v2.0/default-security-group-rules}: the rule template of new groups (admin writes). */
@Path("/v2.0/default-security-group-rules")
@Produces(MediaType.APPLICATION_JSON)
public class DefaultRuleResource {

    static final Set<String> FIELDS = Set.of("direction", "ethertype", "protocol", "port_range_min", "port_range_max",
            "remote_ip_prefix", "remote_group_id", "remote_address_group_id", "description", "used_in_default_sg",
            "used_in_non_default_sg");

    private final DefaultRuleService template;
    private final CallerContext callers;

    public DefaultRuleResource(DefaultRuleService template, CallerContext callers) {
        this.template = template;
        this.callers = callers;
    }

    /** The template, filtered, sorted and paged. */
    @Operation(summary = "List default security group rules")
    @GET
    public Uni<Response> list(@Context UriInfo uri) {
        return Uni.createFrom().item(() -> ListQuery.parse(ListQuery.decodeQuery(uri.getRequestUri().getRawQuery()),
                        ResourceSchema.DEFAULT_SECURITY_GROUP_RULES))
                .chain(q -> callers.current().chain(template::list)
                        .map(list -> Listing.apply(list.stream().map(DefaultRuleService::state).toList(), q,
                                uri.getRequestUri().toString()).toBody("default_security_group_rules")))
                .map(body -> Response.ok(body).build());
    }

    /** One template rule. */
    @Operation(summary = "Show a default security group rule")
    @GET
    @Path("/{id}")
    public Uni<Response> show(@PathParam("id") String id) {
        return callers.current().chain(c -> template.get(c, id))
                .map(d -> Response.ok(Map.of("default_security_group_rule", DefaultRuleService.state(d))).build());
    }

    /** Adds a template rule (admin, 201). */
    @Operation(summary = "Create a default security group rule")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        JsonNode r = NeutronBodies.resource(body, "default_security_group_rule");
        NeutronBodies.attributes(r, FIELDS);
        TemplateRuleRequest request = new TemplateRuleRequest(new RuleRequest(NeutronBodies.text(r, "direction"),
                NeutronBodies.text(r, "ethertype"), NeutronBodies.text(r, "protocol"),
                NeutronBodies.port(r, "port_range_min"), NeutronBodies.port(r, "port_range_max"),
                NeutronBodies.text(r, "remote_ip_prefix"), NeutronBodies.text(r, "remote_group_id"),
                NeutronBodies.text(r, "remote_address_group_id"), NeutronBodies.text(r, "description"), "template"),
                !r.has("used_in_default_sg") || NeutronBodies.bool(r.get("used_in_default_sg"), "used_in_default_sg"),
                !r.has("used_in_non_default_sg")
                        || NeutronBodies.bool(r.get("used_in_non_default_sg"), "used_in_non_default_sg"));
        return callers.current().chain(c -> template.create(c, request))
                .map(d -> Response.status(201).entity(Map.of("default_security_group_rule",
                        DefaultRuleService.state(d))).build());
    }

    /** Removes a template rule (admin, 204). */
    @Operation(summary = "Delete a default security group rule")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return callers.current().chain(c -> template.delete(c, id)).map(x -> Response.noContent().build());
    }
}

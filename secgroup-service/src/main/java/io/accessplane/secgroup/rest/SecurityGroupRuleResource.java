package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.security.CallerContext;
import io.accessplane.secgroup.rest.listing.ListQuery;
import io.accessplane.secgroup.rest.listing.Listing;
import io.accessplane.secgroup.rest.listing.ResourceSchema;
import io.accessplane.secgroup.service.SecurityGroupRuleService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Neutron's {@code /v2.0/security-group-rules}: list, create (one or bulk), show, delete, and description update. */
@Path("/v2.0/security-group-rules")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupRuleResource {

    private final SecurityGroupRuleService rules;
    private final CallerContext callers;

    public SecurityGroupRuleResource(SecurityGroupRuleService rules, CallerContext callers) {
        this.rules = rules;
        this.callers = callers;
    }

    /** The caller's rules, filtered, sorted and paged as Neutron does. */
    @Operation(summary = "List security group rules")
    @GET
    public Uni<Response> list(@Context UriInfo uri) {
        return Uni.createFrom().item(() -> ListQuery.parse(ListQuery.decodeQuery(uri.getRequestUri().getRawQuery()),
                        ResourceSchema.SECURITY_GROUP_RULES))
                .chain(q -> callers.current().chain(rules::list)
                        .map(list -> Listing.apply(list.stream().map(SecurityGroupViews::rule).toList(), q,
                                uri.getRequestUri().toString()).toBody("security_group_rules")))
                .map(body -> Response.ok(body).build());
    }

    /** Creates one rule or, with {@code security_group_rules}, several at once (201). */
    @Operation(summary = "Create a security group rule")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        boolean bulk = NeutronBodies.isBulk(body);
        return callers.current()
                .chain(c -> rules.create(c, NeutronBodies.rules(body, c), bulk))
                .map(made -> Response.status(201).entity(bulk
                        ? Map.of("security_group_rules", made.stream().map(SecurityGroupViews::rule).toList())
                        : Map.of("security_group_rule", SecurityGroupViews.rule(made.get(0)))).build());
    }

    /** One rule. */
    @Operation(summary = "Show a security group rule")
    @GET
    @Path("/{id}")
    public Uni<Response> show(@PathParam("id") String id, @Context UriInfo uri) {
        return Uni.createFrom().item(() -> SecurityGroupViews.fields(uri))
                .chain(fields -> callers.current().chain(c -> rules.get(c, id))
                        .map(r -> Response.ok(Map.of("security_group_rule",
                                SecurityGroupViews.select(SecurityGroupViews.rule(r), fields))).build()));
    }

    /** Changes a rule's description, and nothing else (an accessplane extension; Neutron rules are immutable). */
    @Operation(summary = "Update a security group rule's description")
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> describe(@PathParam("id") String id, JsonNode body) {
        return callers.current()
                .chain(c -> rules.describe(c, id, NeutronBodies.ruleDescription(body)))
                .map(r -> Response.ok(Map.of("security_group_rule", SecurityGroupViews.rule(r))).build());
    }

    /** Deletes a rule (204). */
    @Operation(summary = "Delete a security group rule")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return callers.current().chain(c -> rules.delete(c, id)).map(x -> Response.noContent().build());
    }
}

package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.security.CallerContext;
import io.accessplane.secgroup.rest.listing.ListQuery;
import io.accessplane.secgroup.rest.listing.Listing;
import io.accessplane.secgroup.rest.listing.ResourceSchema;
import io.accessplane.secgroup.service.EvaluationService;
import io.accessplane.secgroup.service.SecurityGroupService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Neutron's {@code /v2.0/security-groups}: list, create, show, update, delete, tags. */
@Path("/v2.0/security-groups")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupResource {

    private final SecurityGroupService groups;
    private final EvaluationService evaluation;
    private final CallerContext callers;

    public SecurityGroupResource(SecurityGroupService groups, EvaluationService evaluation, CallerContext callers) {
        this.groups = groups;
        this.evaluation = evaluation;
        this.callers = callers;
    }

    /** The caller's groups, filtered, sorted and paged as Neutron does. */
    @Operation(summary = "List security groups")
    @GET
    public Uni<Response> list(@Context UriInfo uri) {
        return Uni.createFrom().item(() -> ListQuery.parse(ListQuery.decodeQuery(uri.getRequestUri().getRawQuery()),
                        ResourceSchema.SECURITY_GROUPS))
                .chain(q -> callers.current().chain(groups::list)
                        .map(list -> Listing.apply(list.stream().map(SecurityGroupViews::group).toList(), q,
                                uri.getRequestUri().toString()).toBody("security_groups")))
                .map(body -> Response.ok(body).build());
    }

    /** Creates a group (201). */
    @Operation(summary = "Create a security group")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        return callers.current()
                .chain(c -> groups.create(c, NeutronBodies.group(body, true, c)))
                .map(g -> Response.status(201).entity(Map.of("security_group", SecurityGroupViews.group(g))).build());
    }

    /** One group. */
    @Operation(summary = "Show a security group")
    @GET
    @Path("/{id}")
    public Uni<Response> show(@PathParam("id") String id, @Context UriInfo uri) {
        return Uni.createFrom().item(() -> SecurityGroupViews.fields(uri))
                .chain(fields -> callers.current().chain(c -> groups.get(c, id))
                        .map(g -> Response.ok(Map.of("security_group",
                                SecurityGroupViews.select(SecurityGroupViews.group(g), fields))).build()));
    }

    /** Changes name, description or stateful. */
    @Operation(summary = "Update a security group")
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return callers.current()
                .chain(c -> groups.update(c, id, NeutronBodies.group(body, false, c), Revisions.ifMatch(ifMatch)))
                .map(g -> Response.ok(Map.of("security_group", SecurityGroupViews.group(g))).build());
    }

    /** Deletes a group (204). */
    @Operation(summary = "Delete a security group")
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return callers.current().chain(c -> groups.delete(c, id, Revisions.ifMatch(ifMatch)))
                .map(x -> Response.noContent().build());
    }

    /** Judges a flow against this group's rules (an accessplane extension). */
    @Operation(summary = "Evaluate a connection against a group's rules (extension)")
    @POST
    @Path("/{id}/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> evaluate(@PathParam("id") String id, JsonNode body) {
        return callers.current().chain(c -> evaluation.evaluate(c, java.util.List.of(id), FlowBodies.flow(body)))
                .map(d -> Response.ok(Map.of("evaluation", Evaluations.view(d))).build());
    }

    /** Judges a flow against several groups at once, as a port carrying all of them. */
    @Operation(summary = "Evaluate connections against several groups (extension)")
    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> evaluateMany(JsonNode body) {
        return callers.current().chain(c -> evaluation.evaluate(c, FlowBodies.groupIds(body), FlowBodies.flow(body)))
                .map(d -> Response.ok(Map.of("evaluation", Evaluations.view(d))).build());
    }

    /** The group's tags. */
    @Operation(summary = "List a security group's tags")
    @GET
    @Path("/{id}/tags")
    public Uni<Response> tags(@PathParam("id") String id) {
        return callers.current().chain(c -> groups.tags(c, id))
                .map(t -> Response.ok(Map.of("tags", new ArrayList<>(t))).build());
    }

    /** Replaces all tags. */
    @Operation(summary = "Replace a security group's tags")
    @PUT
    @Path("/{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replaceTags(@PathParam("id") String id, JsonNode body) {
        return callers.current().chain(c -> groups.retag(c, id, old -> Tags.list(body)))
                .map(g -> Response.ok(Map.of("tags", new ArrayList<>(new java.util.TreeSet<>(g.tags)))).build());
    }

    /** Removes all tags (204). */
    @Operation(summary = "Remove all tags of a security group")
    @DELETE
    @Path("/{id}/tags")
    public Uni<Response> clearTags(@PathParam("id") String id) {
        return callers.current().chain(c -> groups.retag(c, id, old -> Set.of()))
                .map(g -> Response.noContent().build());
    }

    /** 204 when the group has the tag, else 404. */
    @Operation(summary = "Check a security group's tag")
    @GET
    @Path("/{id}/tags/{tag}")
    public Uni<Response> hasTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return callers.current().chain(c -> groups.tags(c, id)).map(t -> {
            if (!t.contains(tag)) {
                throw new NeutronException(404, "TagNotFound", "Tag " + tag + " could not be found for resource " + id);
            }
            return Response.noContent().build();
        });
    }

    /** Adds one tag (201). */
    @Operation(summary = "Add a tag to a security group")
    @PUT
    @Path("/{id}/tags/{tag}")
    public Uni<Response> addTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        Tags.check(tag);
        return callers.current().chain(c -> groups.retag(c, id, old -> {
            old.add(tag);
            return old;
        })).map(g -> Response.status(201).build());
    }

    /** Removes one tag (204; 404 when absent). */
    @Operation(summary = "Remove a tag from a security group")
    @DELETE
    @Path("/{id}/tags/{tag}")
    public Uni<Response> removeTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return callers.current().chain(c -> groups.retag(c, id, old -> {
            if (!old.remove(tag)) {
                throw new NeutronException(404, "TagNotFound", "Tag " + tag + " could not be found for resource " + id);
            }
            return old;
        })).map(g -> Response.noContent().build());
    }
}

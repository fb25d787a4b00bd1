package io.accessplane.keypair.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.keypair.repository.KeyPair;
import io.accessplane.keypair.service.KeyPairService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Nova's {@code /v2.1/os-keypairs}, with every microversion difference. */
@Path("/v2.1/os-keypairs")
@Produces(MediaType.APPLICATION_JSON)
public class KeyPairResource {

    /** Largest page served when the client asks for none or more. */
    static final int MAX_PAGE = 1000;

    private final KeyPairService keyPairs;
    private final CallerContext callers;

    public KeyPairResource(KeyPairService keyPairs, CallerContext callers) {
        this.keyPairs = keyPairs;
        this.callers = callers;
    }

    /** Query parameters a call accepts at a version; from 2.75 anything else is a 400. */
    static Map<String, String> query(UriInfo uri, Microversion v, Set<String> known) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : q.entrySet()) {
            if (!known.contains(e.getKey())) {
                if (v.atLeast(75)) {
                    throw NovaException.badRequest("Invalid input for query parameters " + KeyPairRequestParser
                            .printable(e.getKey()) + ". Additional properties are not allowed.");
                }
                continue;
            }
            out.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
        }
        return out;
    }

    static String owner(Map<String, String> q, Microversion v) {
        String u = q.get("user_id");
        return v.atLeast(10) && u != null && !u.isEmpty() ? u : null;
    }

    /** Lists the caller's (or, for admins from 2.10, a user's) key pairs, paged by name from 2.35. */
    @Operation(summary = "List key pairs")
    @GET
    public Uni<Response> list(@Context ContainerRequestContext request, @Context UriInfo uri) {
        Microversion v = MicroversionFilter.of(request);
        return Uni.createFrom().item(() -> query(uri, v, v.atLeast(35) ? Set.of("user_id", "limit", "marker")
                        : v.atLeast(10) ? Set.of("user_id") : Set.of()))
                .chain(q -> {
                    int limit = MAX_PAGE;
                    String marker = null;
                    if (v.atLeast(35)) {
                        if (q.containsKey("limit")) {
                            try {
                                limit = Integer.parseInt(q.get("limit"));
                            } catch (NumberFormatException e) {
                                throw NovaException.badRequest("Invalid input for query parameters limit. "
                                        + "Value must be a non-negative integer.");
                            }
                            if (limit < 0) {
                                throw NovaException.badRequest("Invalid input for query parameters limit. "
                                        + "Value must be a non-negative integer.");
                            }
                            limit = Math.min(limit, MAX_PAGE);
                        }
                        marker = q.get("marker");
                    }
                    int pageSize = limit;
                    String pageMarker = marker;
                    return callers.current()
                            .chain(caller -> keyPairs.list(caller, owner(q, v), pageMarker, pageSize))
                            .map(list -> {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("keypairs", list.stream().map(k -> KeyPairViews.listed(k, v)).toList());
                                if (v.atLeast(35) && !list.isEmpty() && list.size() == pageSize) {
                                    KeyPair last = list.get(list.size() - 1);
                                    String next = uri.getBaseUriBuilder().path("v2.1/os-keypairs")
                                            .queryParam("limit", pageSize).queryParam("marker", last.name)
                                            .build().toString();
                                    body.put("keypairs_links", List.of(Map.of("href", next, "rel", "next")));
                                }
                                return Response.ok(body).build();
                            });
                });
    }

    /** Creates (generates or imports) a key pair: 200 at 2.1, 201 from 2.2. */
    @Operation(summary = "Create (generate) or import a key pair")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body, @Context ContainerRequestContext request) {
        Microversion v = MicroversionFilter.of(request);
        return callers.current()
                .chain(caller -> keyPairs.create(caller, KeyPairRequestParser.parse(body, v)))
                .map(c -> Response.status(v.atLeast(2) ? 201 : 200)
                        .entity(KeyPairViews.created(c.keyPair(), v.atLeast(92) ? null : c.privateKey(), v)).build());
    }

    /** Shows a key pair. */
    @Operation(summary = "Show a key pair")
    @GET
    @Path("/{name}")
    public Uni<Response> show(@PathParam("name") String name, @Context ContainerRequestContext request,
            @Context UriInfo uri) {
        Microversion v = MicroversionFilter.of(request);
        return Uni.createFrom().item(() -> query(uri, v, v.atLeast(10) ? Set.of("user_id") : Set.of()))
                .chain(q -> callers.current().chain(caller -> keyPairs.get(caller, name, owner(q, v))))
                .map(k -> Response.ok(KeyPairViews.shown(k, v)).build());
    }

    /** Deletes a key pair: 202 at 2.1, 204 from 2.2. */
    @Operation(summary = "Delete a key pair")
    @DELETE
    @Path("/{name}")
    public Uni<Response> delete(@PathParam("name") String name, @Context ContainerRequestContext request,
            @Context UriInfo uri) {
        Microversion v = MicroversionFilter.of(request);
        return Uni.createFrom().item(() -> query(uri, v, v.atLeast(10) ? Set.of("user_id") : Set.of()))
                .chain(q -> callers.current().chain(caller -> keyPairs.delete(caller, name, owner(q, v))))
                .map(x -> Response.status(v.atLeast(2) ? 204 : 202).build());
    }
}

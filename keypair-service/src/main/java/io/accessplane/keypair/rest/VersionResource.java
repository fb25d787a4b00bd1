package io.accessplane.keypair.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Compute API version discovery: {@code GET /} and {@code GET /v2.1}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class VersionResource {

    private static Map<String, Object> v21(String base) {
        return Map.of("id", "v2.1", "status", "CURRENT", "version", Microversion.MAX.toString(),
                "min_version", Microversion.MIN.toString(), "updated", "2013-07-23T11:33:21Z",
                "links", List.of(Map.of("rel", "self", "href", base + "v2.1/"),
                        Map.of("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")),
                "media-types", List.of(Map.of("base", "application/json",
                        "type", "application/vnd.openstack.compute+json;version=2.1")));
    }

    /** Every version. */
    @Operation(summary = "List compute API versions")
    @GET
    public Map<String, Object> versions(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return Map.of("versions", List.of(
                Map.of("id", "v2.0", "status", "DEPRECATED", "version", "", "min_version", "",
                        "updated", "2011-01-21T11:33:21Z", "links", List.of(Map.of("rel", "self", "href", base + "v2/"))),
                v21(base)));
    }

    /** The v2.1 document, with and without the trailing slash. */
    @Operation(summary = "Show compute API v2.1 and its microversions")
    @GET
    @Path("v2.1")
    public Map<String, Object> version(@Context UriInfo uri) {
        return Map.of("version", v21(uri.getBaseUri().toString()));
    }
}

package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.crypto.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Version discovery ({@code GET /}, {@code GET /v3}) and the JWKS other services verify tokens with. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final String v3;
    private final SigningKeys keys;
    private final ObjectMapper mapper;

    public DiscoveryResource(IdentityConfig config, SigningKeys keys, ObjectMapper mapper) {
        String url = config.catalog().identityUrl();
        this.v3 = url.endsWith("/") ? url : url + "/";
        this.keys = keys;
        this.mapper = mapper;
    }

    private Map<String, Object> version() {
        return Map.of("id", "v3.14", "status", "stable", "updated", "2020-04-07T00:00:00Z",
                "links", List.of(Map.of("rel", "self", "href", v3)),
                "media-types", List.of(Map.of("base", "application/json",
                        "type", "application/vnd.openstack.identity-v3+json")));
    }

    /** 300 Multiple Choices listing v3, as Keystone's root. */
    @Operation(summary = "List identity API versions")
    @GET
    public Response root() {
        return Response.status(300).header("Location", v3)
                .entity(Map.of("versions", Map.of("values", List.of(version())))).build();
    }

    /** The v3 version document. */
    @Operation(summary = "Show identity API v3")
    @GET
    @Path("v3")
    public Map<String, Object> v3() {
        return Map.of("version", version());
    }

    /** The public token signing keys. */
    @Operation(summary = "Publish the token signing keys (JWKS, extension)")
    @GET
    @Path(".well-known/jwks.json")
    public Response jwks() {
        return Response.ok(keys.jwks(mapper).toString()).header("Cache-Control", "max-age=300").build();
    }
}

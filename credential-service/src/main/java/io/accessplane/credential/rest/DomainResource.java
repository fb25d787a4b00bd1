package io.accessplane.credential.rest;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.service.AuthStore;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The single domain, {@code default}: {@code /v3/domains}. */
@Path("/v3/domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainResource {

    private final CallerContext callers;
    private final String base;

    public DomainResource(CallerContext callers, IdentityConfig config) {
        this.callers = callers;
        this.base = config.catalog().identityUrl();
    }

    private static Map<String, Object> defaultDomain(String base) {
        return Map.of("id", AuthStore.DEFAULT_DOMAIN_ID, "name", AuthStore.DEFAULT_DOMAIN_NAME,
                "description", "The default domain", "enabled", true, "tags", List.of(), "options", Map.of(),
                "links", Map.of("self", base + "/domains/default"));
    }

    /** The domains: only {@code default}. */
    @Operation(summary = "List domains (only default)")
    @GET
    public Uni<Map<String, Object>> domains(@QueryParam("name") String name) {
        return callers.current().map(c -> Map.of("domains",
                name == null || AuthStore.DEFAULT_DOMAIN_NAME.equalsIgnoreCase(name) ? List.of(defaultDomain(base)) : List.of(),
                "links", Map.of("self", "/v3/domains")));
    }

    /** The default domain, by id or name. */
    @Operation(summary = "Show a domain")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> domain(@PathParam("id") String id) {
        return callers.current().map(c -> {
            if (!AuthStore.isDefaultDomain(id, null) && !AuthStore.DEFAULT_DOMAIN_NAME.equalsIgnoreCase(id)) {
                throw KeystoneException.notFound("domain", id);
            }
            return Map.of("domain", defaultDomain(base));
        });
    }
}

package io.accessplane.credential.rest;

import io.accessplane.credential.config.IdentityConfig;
import io.accessplane.credential.rules.IdentityPolicy;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.credential.service.AuthStore;
import io.accessplane.credential.service.BuiltInRoles;
import io.accessplane.credential.rest.Views.RoleView;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The built-in roles: {@code /v3/roles}. */
@Path("/v3/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final CallerContext callers;
    private final String base;

    public RoleResource(CallerContext callers, IdentityConfig config) {
        this.callers = callers;
        this.base = config.catalog().identityUrl();
    }

    private Caller allowed(Caller caller) {
        if (!IdentityPolicy.allows(caller, Action.LIST_ROLES, null, null)) {
            throw KeystoneException.forbiddenAction(Action.LIST_ROLES.rule());
        }
        return caller;
    }

    /** Lists roles, optionally by name. */
    @Operation(summary = "List roles")
    @GET
    public Uni<Map<String, Object>> list(@QueryParam("name") String name) {
        return callers.current().map(this::allowed).map(c -> Map.of("roles", BuiltInRoles.ALL.stream()
                .filter(r -> name == null || r.name().equals(name)).map(r -> RoleView.of(r, base)).toList(),
                "links", Map.of("self", "/v3/roles")));
    }

    /** Shows a role by id (or name). */
    @Operation(summary = "Show a role")
    @GET
    @Path("/{id}")
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return callers.current().map(this::allowed).map(c -> BuiltInRoles.ALL.stream()
                .filter(r -> r.id().equals(id)).findFirst()
                .map(r -> Map.<String, Object>of("role", RoleView.of(r, base)))
                .orElseThrow(() -> KeystoneException.notFound("role", id)));
    }

    /** Roles are built in: creating one is refused. */
    @Operation(summary = "Create a role (refused: the roles are built in)")
    @POST
    public Uni<Map<String, Object>> create() {
        return callers.current().map(c -> {
            throw KeystoneException.forbidden("Roles are built in (admin, member, reader) and cannot be created.");
        });
    }
}

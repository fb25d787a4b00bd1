package io.accessplane.credential.rest;

import io.accessplane.credential.service.AssignmentService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keystone's {@code /v3/role_assignments}. */
@Path("/v3/role_assignments")
@Produces(MediaType.APPLICATION_JSON)
public class RoleAssignmentResource {

    private final AssignmentService assignments;
    private final CallerContext callers;

    public RoleAssignmentResource(AssignmentService assignments, CallerContext callers) {
        this.assignments = assignments;
        this.callers = callers;
    }

    /** Lists assignments with Keystone's filters. */
    @Operation(summary = "List role assignments")
    @GET
    public Uni<Map<String, Object>> list(@QueryParam("user.id") String userId,
            @QueryParam("scope.project.id") String projectId, @QueryParam("role.id") String roleId,
            io.vertx.ext.web.RoutingContext context) {
        // Keystone takes the flag with or without a value (?include_names, ?include_names=true)
        String includeNames = context.queryParams().get("include_names");
        boolean names = context.queryParams().contains("include_names")
                && !"false".equalsIgnoreCase(includeNames) && !"0".equals(includeNames);
        return callers.current().chain(c -> assignments.list(c, userId, projectId, roleId, names))
                .map(list -> Map.of("role_assignments", list, "links", Map.of("self", "/v3/role_assignments")));
    }
}

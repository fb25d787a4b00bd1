package io.accessplane.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.audit.service.AuditAccess;
import io.accessplane.audit.service.RetentionService;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Retention of the activity log: read and set a project's policy, and purge on demand (administrators). */
@Path("/v1/retention")
public class RetentionResource {

    /** Longest retention accepted: ten years. */
    static final int MAX_DAYS = 3660;

    private final RetentionService retention;
    private final CallerContext callers;

    public RetentionResource(RetentionService retention, CallerContext callers) {
        this.retention = retention;
        this.callers = callers;
    }

    /** The policy of the caller's project (admins: the named one). */
    @Operation(summary = "Show retention settings")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@Context UriInfo uri) {
        var q = uri.getQueryParameters();
        String asked = EventQueryParser.value(q, "project_id");
        return JsonBody.ok(callers.current().map(c -> AuditAccess.readableProject(c, asked))
                .chain(project -> {
                    if (project == null) {
                        throw AuditException.badRequest("project_id is required.");
                    }
                    return BlockingWork.run(() -> retention.policy(project));
                })
                .map(p -> Map.of("retention", Map.of("project_id", p.projectId(), "days", p.days(), "default", p.isDefault()))));
    }

    /** Sets a project's retention: {@code {"retention": {"project_id": "...", "days": 400}}}. */
    @Operation(summary = "Set a project's retention in days")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> set(JsonNode body) {
        JsonNode r = body == null ? null : body.get("retention");
        if (r == null || !r.isObject() || !r.path("project_id").isTextual() || !r.path("days").isIntegralNumber()) {
            throw AuditException.badRequest("Expected {\"retention\": {\"project_id\": <string>, \"days\": <integer>}}.");
        }
        String project = r.get("project_id").asText();
        long days = r.get("days").asLong();
        if (days < 1 || days > MAX_DAYS || project.isEmpty() || project.length() > 255 || project.indexOf('\0') >= 0) {
            throw AuditException.badRequest("days must be between 1 and " + MAX_DAYS + " and project_id a project id.");
        }
        return JsonBody.ok(callers.current().invoke(AuditAccess::requireAdmin)
                .chain(c -> BlockingWork.run(() -> retention.setPolicy(project, (int) days, c.toInitiator())))
                .map(p -> Map.of("retention", Map.of("project_id", p.projectId(), "days", p.days(), "default", false))));
    }

    /** Runs the purge now. */
    @Operation(summary = "Purge events past retention now (signs a checkpoint first)")
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> purge() {
        return JsonBody.ok(callers.current().invoke(AuditAccess::requireAdmin)
                .chain(c -> BlockingWork.run(() -> retention.purge(Instant.now(), c.toInitiator())))
                .map(list -> Map.of("purges", list)));
    }
}

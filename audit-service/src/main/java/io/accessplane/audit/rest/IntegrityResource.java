package io.accessplane.audit.rest;

import io.accessplane.audit.crypto.ChainProblem;
import io.accessplane.audit.crypto.CheckpointProblem;
import io.accessplane.audit.service.AuditAccess;
import io.accessplane.audit.service.IntegrityService;
import io.accessplane.audit.service.StoredCheckpoint;
import io.accessplane.audit.service.VerificationResult;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tamper evidence: verify a project's hash chain against its signed checkpoints, list the
 * checkpoints for off-box storage, sign one on demand, and publish the signing key.
 */
@Path("/v1/integrity")
public class IntegrityResource {

    private final IntegrityService integrity;
    private final CallerContext callers;

    public IntegrityResource(IntegrityService integrity, CallerContext callers) {
        this.integrity = integrity;
        this.callers = callers;
    }

    /** Verifies the caller's project (admins: the named one, or every project when none is named). */
    @Operation(summary = "Verify the hash chain against the signed checkpoints")
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> verify(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return JsonBody.ok(Uni.createFrom().item(() -> {
            only(q, Set.of("project_id"));
            return EventQueryParser.value(q, "project_id");
        }).chain(asked -> callers.current().map(caller -> AuditAccess.readableProject(caller, asked)))
                .chain(project -> BlockingWork.run(() -> {
                    List<String> projects = project != null ? List.of(project) : integrity.projects();
                    List<Map<String, Object>> results = new ArrayList<>();
                    boolean intact = true;
                    IntegrityService.Checkpoints checkpoints = integrity.readCheckpoints();
                    for (String p : projects) {
                        VerificationResult r = integrity.verify(p, checkpoints);
                        intact &= r.intact();
                        results.add(render(r));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("intact", intact);
                    body.put("projects", results);
                    return body;
                })));
    }

    /** Signed checkpoints oldest first, after {@code after} (a checkpoint's {@code seq}). */
    @Operation(summary = "List signed checkpoints with their signed text")
    @GET
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> checkpoints(@Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        return JsonBody.ok(Uni.createFrom().item(() -> {
            only(q, Set.of("after", "limit"));
            Integer after = EventQueryParser.integer(q, "after");
            Integer limit = EventQueryParser.integer(q, "limit");
            if ((after != null && after < 0) || (limit != null && (limit < 1 || limit > 1000))) {
                throw AuditException.badRequest("after must be >= 0 and limit between 1 and 1000.");
            }
            return new int[] {after == null ? 0 : after, limit == null ? 100 : limit};
        }).chain(page -> callers.current().chain(caller -> BlockingWork.run(() -> {
            List<StoredCheckpoint> list = integrity.checkpoints(page[0], page[1] + 1);
            List<Map<String, Object>> rendered = new ArrayList<>();
            for (StoredCheckpoint s : list.subList(0, Math.min(list.size(), page[1]))) {
                rendered.add(render(s, caller));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("checkpoints", rendered);
            body.put("public_key", publicKey());
            body.put("next_after", list.size() > page[1] ? list.get(page[1] - 1).seq() : null);
            return body;
        }))));
    }

    /** Signs a checkpoint now (administrators). */
    @Operation(summary = "Sign a checkpoint now")
    @POST
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> checkpointNow() {
        return callers.current().invoke(AuditAccess::requireAdmin)
                .chain(caller -> BlockingWork.run(() -> render(integrity.checkpoint(), caller)))
                .map(c -> JsonBody.of(201, Map.of("checkpoint", c)));
    }

    /** The public key checkpoints are signed with, to check them off-box. */
    @Operation(summary = "Publish the checkpoint verification key (PEM)")
    @GET
    @Path("public-key")
    @Produces(MediaType.APPLICATION_JSON)
    public Response publicKeyBody() {
        return JsonBody.ok(Map.of("public_key", publicKey()));
    }

    private Map<String, Object> publicKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("algorithm", "Ed25519");
        key.put("fingerprint", integrity.key().fingerprint());
        key.put("pem", integrity.key().verificationKey().toPem());
        key.put("raw_base64url", integrity.key().verificationKey().toBase64Url());
        return key;
    }

    /** A checkpoint; a non-admin sees only its own project's head in it (the signed text is withheld). */
    private static Map<String, Object> render(StoredCheckpoint s, Caller caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", s.seq());
        out.put("id", s.signed().body().id());
        out.put("created_at", s.signed().body().createdAt().toString());
        out.put("algorithm", s.signed().body().algorithm());
        out.put("key_fingerprint", s.signed().body().keyFingerprint());
        out.put("previous_signature", s.signed().body().previousSignature());
        out.put("signature", s.signed().signature());
        if (caller.isAdmin()) {
            out.put("heads", s.signed().body().heads());
            out.put("signed_text", s.signedText());
        } else {
            out.put("heads", s.signed().body().heads().stream()
                    .filter(h -> h.projectId().equals(caller.projectId())).toList());
        }
        return out;
    }

    private static Map<String, Object> render(VerificationResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project_id", r.projectId());
        out.put("intact", r.intact());
        out.put("records_checked", r.chain().recordsChecked());
        out.put("checkpoints_checked", r.checkpoints().checkpointsChecked());
        ChainProblem p = r.chain().firstProblem();
        if (p != null) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("kind", p.kind().name().toLowerCase());
            problem.put("index", p.index());
            problem.put("event_id", p.eventId());
            problem.put("detail", p.detail());
            out.put("first_problem", problem);
        }
        CheckpointProblem cp = r.checkpoints().firstProblem();
        if (cp != null) {
            out.put("checkpoint_problem", Map.of("kind", cp.kind().name().toLowerCase(), "checkpoint_id",
                    cp.checkpointId(), "detail", cp.detail()));
        }
        out.put("verified_at", r.verifiedAt().toString());
        return out;
    }

    private static void only(MultivaluedMap<String, String> q, Set<String> allowed) {
        EventQueryParser.requireKnown(q, allowed, Set.of());
    }
}

package io.accessplane.audit.service;

import io.accessplane.audit.posture.PostureEvaluator;
import io.accessplane.audit.posture.PostureReport;
import io.accessplane.audit.repository.InventoryRepository;
import io.accessplane.audit.rest.AuditException;
import io.accessplane.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The inventory (live key pairs, application credentials) and a project's posture score, for a caller. */
@ApplicationScoped
public class PostureService {

    private final InventoryRepository inventory;
    private final PostureEvaluator evaluator = new PostureEvaluator();

    public PostureService(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    /** Live key pairs the caller may see (an admin without a project: all). */
    public Uni<List<InventoryRepository.KeypairItem>> keypairs(Caller caller, String project) {
        return inventory.keypairs(AuditAccess.readableProject(caller, project));
    }

    /** Live application credentials the caller may see (an admin without a project: all). */
    public Uni<List<InventoryRepository.CredentialItem>> credentials(Caller caller, String project) {
        return inventory.credentials(AuditAccess.readableProject(caller, project));
    }

    /** The posture of one project: admins name it, others get their own. */
    public Uni<PostureReport> posture(Caller caller, String asked) {
        String project = AuditAccess.readableProject(caller, asked);
        if (project == null) {
            throw AuditException.badRequest("project_id is required.");
        }
        return inventory.keypairs(project).chain(keys -> inventory.credentials(project)
                .chain(creds -> inventory.rules(project)
                        .chain(rules -> inventory.logins(project)
                                .map(logins -> evaluator.evaluate(project, keys, creds, rules, logins, Instant.now())))));
    }
}

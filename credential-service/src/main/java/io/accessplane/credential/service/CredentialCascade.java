package io.accessplane.credential.service;

import io.accessplane.credential.crypto.VerifiedSecretCache;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.ApplicationCredential;
import io.accessplane.credential.repository.ApplicationCredentialRepository;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.RevocationList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Deletes application credentials, on request or as a consequence (user deleted or disabled,
 * role removed, project deleted): each one with its own deleted event and a revocation of its
 * tokens. Keystone drops the consequential ones silently; we do not. Runs in the caller's transaction.
 */
@ApplicationScoped
public class CredentialCascade {

    private final ApplicationCredentialRepository credentials;
    private final IdentityEvents events;
    private final VerifiedSecretCache verifiedSecrets;
    private final RevocationList revocations;

    public CredentialCascade(ApplicationCredentialRepository credentials, IdentityEvents events,
            VerifiedSecretCache verifiedSecrets, RevocationList revocations) {
        this.credentials = credentials;
        this.events = events;
        this.verifiedSecrets = verifiedSecrets;
        this.revocations = revocations;
    }

    /** Deletes the credentials, each with its event; {@code reason} is null for a plain request. */
    public Uni<Void> delete(Initiator initiator, List<ApplicationCredential> list, String reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ApplicationCredential c : list) {
            chain = chain.chain(() -> deleteOne(initiator, c, reason));
        }
        return chain;
    }

    private Uni<Void> deleteOne(Initiator initiator, ApplicationCredential c, String reason) {
        Revocation revocation = IdentityEvents.revoke(Revocation.Kind.APPLICATION_CREDENTIAL, c.id);
        Map<String, Object> state = Map.of("id", c.id, "name", c.name, "user_id", c.userId,
                "project_id", c.projectId, "unrestricted", c.unrestricted);
        return credentials.deleteRow(c)
                .chain(() -> events.changed(initiator, "application_credential", "deleted",
                        new Target("application_credential", c.id, c.name, c.projectId, c.userId), state, reason,
                        revocation))
                .invoke(() -> {
                    verifiedSecrets.forget(c.id);
                    revocations.add(revocation);
                });
    }
}

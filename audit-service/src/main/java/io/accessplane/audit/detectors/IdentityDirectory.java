package io.accessplane.audit.detectors;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the events say about identities, shared by the credential detectors: the live application
 * credentials (owner, creator, project, creation, expiry, last use), the credentials seen deleted,
 * and each user's default project. Built from events only, so a replay rebuilds it. Live entries are
 * an inventory, bounded by what exists; dead credentials are forgotten past the horizon.
 */
final class IdentityDirectory {
    private final Map<String, Credential> live = new HashMap<>();
    private final Map<String, Instant> lastUse = new HashMap<>();
    private final Map<String, DeadCredential> deleted = new HashMap<>();
    private final Map<String, String> userProjects = new HashMap<>();

    /** A live application credential as its created event described it. */
    record Credential(String id, String projectId, String ownerUserId, String creatorUserId, Instant createdAt,
            Instant expiresAt, String createdEventId, boolean unrestricted) {

        boolean expiredAt(Instant t) {
            return expiresAt != null && !t.isBefore(expiresAt);
        }
    }

    /** A credential that can no longer be used: why ({@code deleted}, the cascade reason, or {@code expired}) and since when. */
    record DeadCredential(String id, Instant since, String why, String eventId, String projectId) {
    }

    /** Updates the directory from one event; call before the detectors see it. */
    void observe(EventView e) {
        if (e.is("application_credential", "created")) {
            String id = e.target().id() != null ? e.target().id() : e.text("id");
            if (id == null) {
                return;
            }
            String owner = e.target().ownerUserId() != null ? e.target().ownerUserId() : e.text("user_id");
            String project = e.text("project_id") != null ? e.text("project_id") : e.projectId();
            live.put(id, new Credential(id, project, owner, e.actor(), e.time(), e.instant("expires_at"), e.id(),
                    e.resource().path("unrestricted").asBoolean(false)));
        } else if (e.is("application_credential", "deleted")) {
            String id = e.target().id() != null ? e.target().id() : e.text("id");
            if (id == null) {
                return;
            }
            live.remove(id);
            lastUse.remove(id);
            String why = e.reason() == null ? "deleted" : e.reason();
            deleted.put(id, new DeadCredential(id, e.time(), why, e.id(), e.projectId()));
        } else if (e.is("token", "issued")) {
            String cred = e.applicationCredentialId();
            if (cred != null && live.containsKey(cred)) {
                lastUse.merge(cred, e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        } else if (e.resourceType().equals("user") && (e.action().equals("created") || e.action().equals("updated"))) {
            String user = e.target().id();
            String project = e.text("default_project_id") != null ? e.text("default_project_id")
                    : e.target().ownerProjectId();
            if (user != null && project != null) {
                userProjects.put(user, project);
            }
        } else if (e.is("user", "deleted") && e.target().id() != null) {
            userProjects.remove(e.target().id());
        }
    }

    /** The live credential with this id. */
    Optional<Credential> credential(String id) {
        return Optional.ofNullable(id == null ? null : live.get(id));
    }

    /** All live credentials (expired ones included until deleted). */
    Collection<Credential> liveCredentials() {
        return live.values();
    }

    /** When the credential last minted a token, if it did. */
    Optional<Instant> lastUse(String id) {
        return Optional.ofNullable(lastUse.get(id));
    }

    /** Why the credential was unusable at {@code at}: deleted at or before it, or expired by then. */
    Optional<DeadCredential> deadAt(String id, Instant at) {
        if (id == null) {
            return Optional.empty();
        }
        DeadCredential gone = deleted.get(id);
        if (gone != null && !at.isBefore(gone.since())) {
            return Optional.of(gone);
        }
        Credential c = live.get(id);
        if (c != null && c.expiredAt(at)) {
            return Optional.of(new DeadCredential(id, c.expiresAt(), "expired", c.createdEventId(), c.projectId()));
        }
        return Optional.empty();
    }

    /** The project a credential key ({@code <credential id>} or {@code user:<id>}) belongs to, if known. */
    Optional<String> projectOf(String credentialKey) {
        if (credentialKey == null) {
            return Optional.empty();
        }
        if (credentialKey.startsWith("user:")) {
            return Optional.ofNullable(userProjects.get(credentialKey.substring("user:".length())));
        }
        Credential c = live.get(credentialKey);
        if (c != null) {
            return Optional.ofNullable(c.projectId());
        }
        DeadCredential d = deleted.get(credentialKey);
        return Optional.ofNullable(d == null ? null : d.projectId());
    }

    /** Forgets deleted credentials deleted before the horizon (the live inventory stays). */
    void forgetBefore(Instant horizon) {
        deleted.values().removeIf(d -> d.since().isBefore(horizon));
    }
}

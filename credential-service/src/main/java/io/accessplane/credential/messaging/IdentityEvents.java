package io.accessplane.credential.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.outbox.OutboxConfig;
import io.accessplane.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Builds the identity service's events and appends them to the outbox in the current
 * transaction. No event ever carries a password, secret or token.
 */
@ApplicationScoped
public class IdentityEvents {

    private final OutboxWriter outbox;
    private final String source;

    public IdentityEvents(OutboxWriter outbox, OutboxConfig config) {
        this.outbox = outbox;
        this.source = config.source();
    }

    /** A successful change to a resource, with its public state after the change. */
    public Uni<Void> changed(Initiator initiator, String resource, String action, Target target, Object state) {
        return changed(initiator, resource, action, target, state, null, null);
    }

    /** A successful change that also revokes tokens, or that happened for a reason (cascades). */
    public Uni<Void> changed(Initiator initiator, String resource, String action, Target target, Object state,
            String reason, Revocation revocation) {
        JsonNode node = state == null ? null : EventJson.mapper().valueToTree(state);
        String project = target.ownerProjectId();
        return outbox.append(CloudEvent.create(source, EventTypes.of(resource, action), target.id(), project,
                new EventData(initiator, target, action, Outcome.SUCCESS, reason, node, revocation)));
    }

    /** A refused authentication, with the reason code. */
    public Uni<Void> authenticationFailed(Initiator initiator, Target target, String reason) {
        return outbox.append(CloudEvent.create(source, EventTypes.of("authentication", "failed"), target.id(),
                target.ownerProjectId(),
                new EventData(initiator, target, "authenticate", Outcome.FAILURE, reason, null, null)));
    }

    /** A refused request (authorization denial), recorded even though the request's transaction rolls back. */
    public Uni<Void> denied(Initiator initiator, Target target, String rule) {
        return outbox.appendIndependently(CloudEvent.create(source, EventTypes.of("authorization", "denied"), target.id(),
                initiator.projectId(),
                new EventData(initiator, target, rule, Outcome.FAILURE, "forbidden", null, null)));
    }

    /** A revocation starting now. */
    public static Revocation revoke(Revocation.Kind kind, String id) {
        return new Revocation(kind, id, Instant.now());
    }
}

package io.accessplane.keypair.messaging;

import io.accessplane.keypair.repository.KeyPair;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.outbox.OutboxConfig;
import io.accessplane.platform.outbox.OutboxWriter;
import io.accessplane.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** The key pair service's events, written to the outbox in the current transaction. Never a private key. */
@ApplicationScoped
public class KeypairEvents {

    private final OutboxWriter outbox;
    private final String source;

    public KeypairEvents(OutboxWriter outbox, OutboxConfig config) {
        this.outbox = outbox;
        this.source = config.source();
    }

    /** A key pair was created (generated or imported) or deleted. */
    public Uni<Void> changed(Caller caller, String action, KeyPair k) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", k.name);
        state.put("user_id", k.userId);
        state.put("type", k.type);
        state.put("algorithm", k.algorithm);
        state.put("bits", k.bits);
        state.put("fingerprint", k.fingerprint);
        state.put("fingerprint_sha256", k.fingerprintSha256);
        state.put("public_key", k.publicKey);
        state.put("generated", k.generated);
        String project = k.projectId != null ? k.projectId : caller.projectId();
        return outbox.append(CloudEvent.create(source, EventTypes.of("keypair", action), k.userId + "/" + k.name, project,
                new EventData(caller.toInitiator(), new Target("keypair", k.userId + "/" + k.name, k.name, project, k.userId),
                        action.equals("created") ? "create" : "delete", Outcome.SUCCESS, null,
                        EventJson.mapper().valueToTree(state), null)));
    }

    /** A caller was refused access to a user's key pairs (recorded even though the request fails). */
    public Uni<Void> denied(Caller caller, String rule, String ownerUserId, String name) {
        String id = ownerUserId + "/" + (name == null ? "*" : name);
        return outbox.appendIndependently(CloudEvent.create(source, EventTypes.of("authorization", "denied"), id, caller.projectId(),
                new EventData(caller.toInitiator(), new Target("keypair", id, name, null, ownerUserId), rule,
                        Outcome.FAILURE, "forbidden", null, null)));
    }
}

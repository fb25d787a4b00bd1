package io.accessplane.platform.sample;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.outbox.OutboxWriter;
import io.accessplane.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Creates widgets and their events in one transaction, the way real services use the outbox. */
@ApplicationScoped
public class WidgetService {

    private final OutboxWriter outbox;

    public WidgetService(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Stores a widget and its created event; when {@code failAfterWrite}, fails after both writes. */
    public Uni<CloudEvent> create(Caller caller, String name, String project, boolean failAfterWrite) {
        return create(caller, name, project, failAfterWrite, 0);
    }

    /**
     * As {@link #create(Caller, String, String, boolean)}, the event's resource carrying
     * {@code resourceBytes} characters of padding (0: no resource), to make large events.
     */
    @WithTransaction
    public Uni<CloudEvent> create(Caller caller, String name, String project, boolean failAfterWrite,
            int resourceBytes) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        CloudEvent event = CloudEvent.create("/accessplane/platform-test", EventTypes.of("widget", "created"),
                widget.id.toString(), project,
                new EventData(caller == null ? null : caller.toInitiator(),
                        new Target("widget", widget.id.toString(), name, project, null),
                        "create", Outcome.SUCCESS, null, resourceBytes <= 0 ? null
                                : EventJson.mapper().createObjectNode().put("id", widget.id.toString()).put("name", name)
                                        .put("padding", "x".repeat(resourceBytes)), null));
        return widget.<Widget>persist()
                .chain(() -> outbox.append(event))
                .map(ignored -> {
                    if (failAfterWrite) {
                        throw new IllegalStateException("failing on purpose after the writes");
                    }
                    return event;
                });
    }

    /** Publishes a token revocation, as the identity service does. */
    @WithTransaction
    public Uni<CloudEvent> revokeToken(String auditId) {
        CloudEvent event = CloudEvent.create("/accessplane/platform-test", EventTypes.of("token", "revoked"),
                auditId, null, new EventData(null, new Target("token", auditId, null, null, null), "revoke",
                        Outcome.SUCCESS, null, null, new Revocation(Revocation.Kind.TOKEN, auditId, Instant.now())));
        return outbox.append(event).replaceWith(event);
    }
}

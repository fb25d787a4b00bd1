package io.accessplane.audit.alerts;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;

/** Builds the CloudEvents published on {@code accessplane.audit.alerts} when an alert is raised or changes state. */
public final class AlertEvents {

    /** The CloudEvents source of the audit service. */
    public static final String SOURCE = "/accessplane/audit-service";

    private AlertEvents() {
    }

    /**
     * An alert event: {@code io.accessplane.alert.<action>.v1} with the alert as resource.
     *
     * @param action    raised, acknowledged or resolved
     * @param initiator who changed it (the audit service itself for raised)
     */
    public static CloudEvent of(String action, AlertView alert, Initiator initiator) {
        String verb = switch (action) {
            case "raised" -> "raise";
            case "acknowledged" -> "acknowledge";
            default -> "resolve";
        };
        return CloudEvent.create(SOURCE, EventTypes.of("alert", action), alert.id(), alert.projectId(),
                new EventData(initiator, new Target("alert", alert.id(), alert.title(), alert.projectId(), null), verb,
                        Outcome.SUCCESS, null, EventJson.mapper().valueToTree(alert), null));
    }
}

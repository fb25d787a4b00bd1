package io.accessplane.audit.detectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventTypes;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Null-safe reading of one accessplane CloudEvent: its resource/action from the type name, the
 * initiator, target and resource fields, and which project and credential it concerns.
 */
final class EventView {
    /** Actors whose user id starts with this are the services themselves. */
    static final String SYSTEM_ACTOR_PREFIX = "system:";

    private static final Initiator NOBODY = new Initiator(null, null, null, List.of(), null, null, null);
    private static final Target NOTHING = new Target(null, null, null, null, null);

    private final CloudEvent event;
    private final String resourceType;
    private final String action;

    EventView(CloudEvent event) {
        this.event = event;
        String type = event.type();
        String rest = type.startsWith(EventTypes.PREFIX) ? type.substring(EventTypes.PREFIX.length()) : type;
        String[] parts = rest.split("\\.");
        // io.accessplane.<resource>.<action>.v1
        this.resourceType = parts.length >= 2 ? parts[0] : rest;
        this.action = parts.length >= 2 ? parts[1] : "";
    }

    CloudEvent raw() {
        return event;
    }

    String id() {
        return event.id();
    }

    Instant time() {
        return event.time();
    }

    String source() {
        return event.source();
    }

    /** {@code keypair} of {@code io.accessplane.keypair.created.v1}. */
    String resourceType() {
        return resourceType;
    }

    /** {@code created} of {@code io.accessplane.keypair.created.v1}. */
    String action() {
        return action;
    }

    boolean is(String resource, String act) {
        return resourceType.equals(resource) && action.equals(act);
    }

    Initiator initiator() {
        EventData d = event.data();
        return d == null || d.initiator() == null ? NOBODY : d.initiator();
    }

    Target target() {
        EventData d = event.data();
        return d == null || d.target() == null ? NOTHING : d.target();
    }

    /** The acting user id, or null. */
    String actor() {
        return blankToNull(initiator().userId());
    }

    /** Whether a service acted on its own ({@code system:...}); actor-based detectors skip these. */
    boolean bySystem() {
        String a = actor();
        return a != null && a.startsWith(SYSTEM_ACTOR_PREFIX);
    }

    /** Whether a real (non-system) user acted. */
    boolean byUser() {
        return actor() != null && !bySystem();
    }

    String sourceAddress() {
        return blankToNull(initiator().sourceAddress());
    }

    String userAgent() {
        return blankToNull(initiator().userAgent());
    }

    boolean failed() {
        EventData d = event.data();
        return d != null && d.outcome() == Outcome.FAILURE;
    }

    String reason() {
        EventData d = event.data();
        return d == null ? null : blankToNull(d.reason());
    }

    /** The resource state, or a missing node. */
    JsonNode resource() {
        EventData d = event.data();
        return d == null || d.resource() == null ? MissingNode.getInstance() : d.resource();
    }

    /** A text field of the resource, or null (JSON null and absent alike). */
    String text(String field) {
        return textOf(resource(), field);
    }

    /** A text field of any node, or null. */
    static String textOf(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : blankToNull(v.asText());
    }

    /** An integer field of any node, or null. */
    static Integer integerOf(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An instant field of the resource, or null when absent or unparseable. */
    Instant instant(String field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The project the event concerns: its partition key, else the target's owner project, else
     * the initiator's project; {@code "-"} when none.
     */
    String projectId() {
        if (!CloudEvent.NO_PROJECT.equals(event.partitionKey())) {
            return event.partitionKey();
        }
        String owner = blankToNull(target().ownerProjectId());
        if (owner != null) {
            return owner;
        }
        String scope = blankToNull(initiator().projectId());
        return scope != null ? scope : AlertCandidate.NO_PROJECT;
    }

    /**
     * Whether a user changed security groups on purpose: a group, rule or default-group template
     * created, updated or deleted (a default group made lazily on first use is not a write).
     */
    boolean isSecurityGroupWrite() {
        boolean resource = resourceType.equals("security_group") || resourceType.equals("security_group_rule")
                || resourceType.equals("default_security_group_rule");
        boolean write = action.equals("created") || action.equals("updated") || action.equals("deleted");
        return resource && write && !failed();
    }

    /** Whether this is a token issue or a failed authentication. */
    boolean isAuthentication() {
        return is("token", "issued") || is("authentication", "failed");
    }

    /**
     * The application credential an authentication event names: the initiator's, else a target of
     * type {@code application_credential}; null for password authentications.
     */
    String applicationCredentialId() {
        String fromInitiator = blankToNull(initiator().applicationCredentialId());
        if (fromInitiator != null) {
            return fromInitiator;
        }
        if (is("authentication", "failed") && "application_credential".equals(target().type())) {
            return blankToNull(target().id());
        }
        return null;
    }

    /**
     * The credential an authentication event exercises: an application credential id, or
     * {@code user:<id>} for a password; null when unknown (e.g. a login naming no known user).
     */
    String credentialKey() {
        String cred = applicationCredentialId();
        if (cred != null) {
            return cred;
        }
        String user = null;
        if (is("token", "issued")) {
            user = actor();
        } else if (is("authentication", "failed") && "user".equals(target().type())) {
            user = blankToNull(target().id());
        }
        return user == null || user.equals("unknown") ? null : "user:" + user;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.accessplane.audit.testing;

import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import io.accessplane.platform.events.Target;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds events shaped like the producers' (a fresh source per factory, with its own sequence). */
public final class EventFactory {

    private final String source;
    private final AtomicLong sequence = new AtomicLong();

    public EventFactory(String source) {
        this.source = source;
    }

    /** A factory with a unique test source. */
    public static EventFactory unique(String name) {
        return new EventFactory("/test/" + name + "-" + UUID.randomUUID());
    }

    /** The source of this factory's events. */
    public String source() {
        return source;
    }

    /** A key pair event of a user in a project, at a time, with the next sequence number. */
    public CloudEvent keypair(String action, String project, String user, String name, Instant time) {
        ObjectNode state = EventJson.mapper().createObjectNode().put("name", name).put("user_id", user)
                .put("type", "ssh").put("algorithm", "ed25519").put("bits", 256).put("generated", false)
                .put("fingerprint", "aa:bb");
        return next(project, "keypair", action, user + "/" + name,
                new EventData(initiator(user, project, "203.0.113.7"), new Target("keypair", user + "/" + name, name, project, user),
                        action.equals("created") ? "create" : "delete", Outcome.SUCCESS, null, state, null), time);
    }

    /** A security group rule event (created/deleted). */
    public CloudEvent rule(String action, String project, String user, String ruleId, String protocol, Integer port,
            String cidr, Instant time) {
        ObjectNode state = EventJson.mapper().createObjectNode().put("id", ruleId).put("direction", "ingress")
                .put("ethertype", "IPv4").put("project_id", project).put("security_group_id", "sg-" + project)
                .put("remote_ip_prefix", cidr);
        if (protocol == null) {
            state.putNull("protocol");
        } else {
            state.put("protocol", protocol);
        }
        if (port == null) {
            state.putNull("port_range_min").putNull("port_range_max");
        } else {
            state.put("port_range_min", port).put("port_range_max", port);
        }
        state.putNull("remote_group_id");
        return next(project, "security_group_rule", action, ruleId,
                new EventData(initiator(user, project, "198.51.100.4"), new Target("security_group_rule", ruleId, null, project, null),
                        action.equals("created") ? "create" : "delete", Outcome.SUCCESS, null, state, null), time);
    }

    /** A failed authentication of a user. */
    public CloudEvent authFailed(String user, String address, Instant time) {
        return next(null, "authentication", "failed", user,
                new EventData(initiator(user, null, address), new Target("user", user, "u", null, user), "authenticate",
                        Outcome.FAILURE, "bad_password", null, null), time);
    }

    /** An event with an explicit sequence number (for gap tests). */
    public CloudEvent withSequence(CloudEvent e, long number) {
        return new CloudEvent(e.specVersion(), e.id(), e.source(), e.type(), e.subject(), e.time(), e.dataContentType(),
                e.partitionKey(), CloudEvent.encodeSequence(number), e.traceparent(), e.tracestate(), e.data());
    }

    private CloudEvent next(String project, String resource, String action, String subject, EventData data, Instant time) {
        String type = "io.accessplane." + resource + "." + action + ".v1";
        return new CloudEvent("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json",
                project, CloudEvent.encodeSequence(sequence.incrementAndGet()), null, null, data);
    }

    private static Initiator initiator(String user, String project, String address) {
        return new Initiator(user, project, null, project == null ? List.of() : List.of("member", "reader"), address,
                "openstacksdk/4.0", "req-" + UUID.randomUUID());
    }

    /** Claims of a plain map, for readability in tests. */
    public static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

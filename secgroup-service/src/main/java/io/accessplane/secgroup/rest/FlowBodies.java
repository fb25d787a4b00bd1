package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.secgroup.rules.Flow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an evaluation request: {@code {"flow": {"direction", "ethertype", "protocol", "port",
 * "source_port", "icmp_type", "icmp_code", "remote_ip", "remote_group_ids", "reply"}}}, plus
 * {@code security_group_ids} when judging several groups at once.
 */
public final class FlowBodies {

    static final Set<String> FIELDS = Set.of("direction", "ethertype", "protocol", "port", "source_port", "icmp_type",
            "icmp_code", "remote_ip", "remote_group_ids", "reply");

    private FlowBodies() {
    }

    /** The flow of the body. */
    public static Flow flow(JsonNode body) {
        JsonNode f = NeutronBodies.resource(body, "flow");
        NeutronBodies.attributes(f, FIELDS);
        Set<String> groups = new LinkedHashSet<>();
        if (f.has("remote_group_ids")) {
            if (!f.get("remote_group_ids").isArray()) {
                throw NeutronException.invalidInput("remote_group_ids must be a list");
            }
            f.get("remote_group_ids").forEach(g -> groups.add(g.asText()));
        }
        try {
            return new Flow(NeutronBodies.text(f, "direction"),
                    f.has("ethertype") ? NeutronBodies.text(f, "ethertype") : "IPv4",
                    NeutronBodies.text(f, "protocol"), number(f, "port"), number(f, "source_port"),
                    number(f, "icmp_type"), number(f, "icmp_code"), NeutronBodies.text(f, "remote_ip"), groups,
                    f.has("reply") && NeutronBodies.bool(f.get("reply"), "reply"));
        } catch (IllegalArgumentException e) {
            throw NeutronException.invalidInput(e.getMessage());
        }
    }

    /** The groups named in a multi-group evaluation. */
    public static List<String> groupIds(JsonNode body) {
        if (body == null || !body.has("security_group_ids") || !body.get("security_group_ids").isArray()
                || body.get("security_group_ids").isEmpty()) {
            throw NeutronException.badRequest("Unable to find 'security_group_ids' in request body");
        }
        List<String> ids = new ArrayList<>();
        body.get("security_group_ids").forEach(g -> ids.add(g.asText()));
        return ids;
    }

    static Integer number(JsonNode f, String field) {
        if (!f.has(field) || f.get(field).isNull()) {
            return null;
        }
        JsonNode v = f.get(field);
        if (v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0 && v.asInt() <= 65535) {
            return v.asInt();
        }
        throw NeutronException.invalidInput(field + " must be an integer from 0 to 65535");
    }
}

package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.rules.RuleRequest;
import io.accessplane.secgroup.service.SecurityGroupService.GroupChange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads Neutron request bodies strictly: known attributes only, Neutron's conversions and messages. */
public final class NeutronBodies {

    static final Set<String> GROUP_POST = Set.of("name", "description", "stateful", "project_id", "tenant_id",
            "template", "template_parameters");
    static final Set<String> GROUP_PUT = Set.of("name", "description", "stateful");
    static final Set<String> RULE_POST = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
            "description", "project_id", "tenant_id");
    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 255;

    private NeutronBodies() {
    }

    /** The {@code security_group} of a create or update. */
    public static GroupChange group(JsonNode body, boolean create, Caller caller) {
        JsonNode g = resource(body, "security_group");
        attributes(g, create ? GROUP_POST : GROUP_PUT);
        String name = string(g, "name", NAME_MAX);
        if (name != null && name.toLowerCase(Locale.ROOT).equals("default")) {
            throw new NeutronException(409, "SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        String description = string(g, "description", DESCRIPTION_MAX);
        Boolean stateful = g.has("stateful") ? bool(g.get("stateful"), "stateful") : null;
        String project = create ? project(g, caller) : null;
        String template = create ? text(g, "template") : null;
        java.util.Map<String, String> parameters = null;
        if (create && g.has("template_parameters") && !g.get("template_parameters").isNull()) {
            JsonNode p = g.get("template_parameters");
            if (!p.isObject()) {
                throw NeutronException.invalidInput("template_parameters must be an object");
            }
            parameters = new java.util.LinkedHashMap<>();
            for (Iterator<java.util.Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                var e = it.next();
                parameters.put(e.getKey(), e.getValue().asText());
            }
        }
        return new GroupChange(name, description, stateful, project, template, parameters);
    }

    /** The rules of a create: one ({@code security_group_rule}) or several ({@code security_group_rules}). */
    public static List<RuleRequest> rules(JsonNode body, Caller caller) {
        if (body == null || !body.isObject()) {
            throw NeutronException.badRequest("Body contains invalid data");
        }
        List<RuleRequest> out = new ArrayList<>();
        if (body.has("security_group_rules")) {
            JsonNode list = body.get("security_group_rules");
            if (!list.isArray() || list.isEmpty()) {
                throw NeutronException.badRequest("Resources required");
            }
            for (JsonNode r : list) {
                out.add(rule(r, caller));
            }
            return out;
        }
        out.add(rule(resource(body, "security_group_rule"), caller));
        return out;
    }

    /** True when the body holds the bulk form. */
    public static boolean isBulk(JsonNode body) {
        return body != null && body.has("security_group_rules");
    }

    /** The new description of a rule (the only attribute a rule update may carry). */
    public static String ruleDescription(JsonNode body) {
        JsonNode r = resource(body, "security_group_rule");
        attributes(r, Set.of("description"));
        String d = string(r, "description", DESCRIPTION_MAX);
        if (d == null) {
            throw NeutronException.badRequest("Only the description of a rule can be changed");
        }
        return d;
    }

    private static RuleRequest rule(JsonNode r, Caller caller) {
        if (r == null || !r.isObject()) {
            throw NeutronException.badRequest("Body contains invalid data");
        }
        attributes(r, RULE_POST);
        project(r, caller);
        return new RuleRequest(text(r, "direction"), text(r, "ethertype"), text(r, "protocol"),
                port(r, "port_range_min"), port(r, "port_range_max"), text(r, "remote_ip_prefix"),
                text(r, "remote_group_id"), text(r, "remote_address_group_id"), string(r, "description", DESCRIPTION_MAX),
                text(r, "security_group_id"));
    }

    static JsonNode resource(JsonNode body, String name) {
        if (body == null || !body.isObject() || !body.has(name)) {
            throw NeutronException.badRequest("Unable to find '" + name + "' in request body");
        }
        JsonNode r = body.get(name);
        if (!r.isObject()) {
            throw NeutronException.badRequest("Body contains invalid data");
        }
        return r;
    }

    static void attributes(JsonNode r, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = r.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            throw NeutronException.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
    }

    /** The project named in the body, which must be the caller's own unless the caller is an admin. */
    static String project(JsonNode r, Caller caller) {
        String project = text(r, "project_id");
        String tenant = text(r, "tenant_id");
        if (project != null && tenant != null && !project.equals(tenant)) {
            throw NeutronException.badRequest("Both project_id and tenant_id were specified, and they do not match");
        }
        String named = project != null ? project : tenant;
        if (named != null && !caller.isAdmin() && !named.equals(caller.projectId())) {
            throw NeutronException.badRequest("Specifying 'project_id' or 'tenant_id' other than the authenticated "
                    + "project in request requires admin privileges");
        }
        return named;
    }

    static String string(JsonNode r, String field, int max) {
        if (!r.has(field)) {
            return null;
        }
        if (r.get(field).isNull()) {
            throw NeutronException.badRequest("Invalid input for " + field + ". Reason: 'None' is not a valid string.");
        }
        JsonNode v = r.get(field);
        if (!v.isTextual()) {
            throw NeutronException.badRequest("Invalid input for " + field + ". Reason: '" + v + "' is not a valid string.");
        }
        String s = v.asText();
        if (s.codePointCount(0, s.length()) > max) {
            throw NeutronException.badRequest("Invalid input for " + field + ". Reason: '" + s
                    + "' exceeds maximum length of " + max + ".");
        }
        return s;
    }

    static String text(JsonNode r, String field) {
        if (!r.has(field) || r.get(field).isNull()) {
            return null;
        }
        JsonNode v = r.get(field);
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        throw NeutronException.badRequest("Invalid input for " + field + ". Reason: '" + v + "' is not a valid string.");
    }

    static Integer port(JsonNode r, String field) {
        if (!r.has(field) || r.get(field).isNull()) {
            return null;
        }
        JsonNode v = r.get(field);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().matches("[0-9]{1,9}")) {
            return Integer.parseInt(v.asText());
        }
        throw new NeutronException(400, "SecurityGroupInvalidPortValue", "Invalid value for port "
                + (v.isTextual() ? v.asText() : v.toString()));
    }

    static Boolean bool(JsonNode v, String field) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            switch (v.asText().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y" -> {
                    return true;
                }
                case "false", "0", "no", "off", "f", "n" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw NeutronException.badRequest("Invalid input for " + field + ". Reason: '" + v.asText()
                + "' cannot be converted to boolean.");
    }
}

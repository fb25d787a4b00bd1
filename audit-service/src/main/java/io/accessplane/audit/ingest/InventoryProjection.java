package io.accessplane.audit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the inventory tables (live key pairs, application credentials, security group rules,
 * logins) in step with the log, in the ingest transaction, so they never disagree with it.
 */
public final class InventoryProjection {

    /** Applies one newly stored event to the inventory. */
    public void apply(Connection c, CloudEvent e) throws SQLException {
        EventData d = e.data();
        if (d == null || d.outcome() != Outcome.SUCCESS) {
            return;
        }
        String type = e.type();
        if (type.equals("io.accessplane.keypair.created.v1")) {
            keypairCreated(c, e, d);
        } else if (type.equals("io.accessplane.keypair.deleted.v1")) {
            delete(c, "DELETE FROM keypair_inventory WHERE key_id = ?", e.subject());
        } else if (type.equals("io.accessplane.application_credential.created.v1")) {
            credentialCreated(c, e, d);
        } else if (type.equals("io.accessplane.application_credential.deleted.v1")) {
            delete(c, "DELETE FROM credential_inventory WHERE credential_id = ?", e.subject());
        } else if (type.equals("io.accessplane.token.issued.v1")) {
            tokenIssued(c, e, d);
        } else if (type.equals("io.accessplane.security_group_rule.created.v1")) {
            ruleCreated(c, d.resource(), e.time());
        } else if (type.equals("io.accessplane.security_group_rule.deleted.v1")) {
            delete(c, "DELETE FROM rule_inventory WHERE rule_id = ?", e.subject());
        } else if (type.equals("io.accessplane.security_group.created.v1")
                || type.equals("io.accessplane.default_security_group.created.v1")) {
            JsonNode rules = d.resource() == null ? null : d.resource().get("security_group_rules");
            if (rules != null && rules.isArray()) {
                for (JsonNode rule : rules) {
                    ruleCreated(c, rule, e.time());
                }
            }
        } else if (type.equals("io.accessplane.security_group.deleted.v1")) {
            delete(c, "DELETE FROM rule_inventory WHERE security_group_id = ?", e.subject());
        }
    }

    private static void keypairCreated(Connection c, CloudEvent e, EventData d) throws SQLException {
        JsonNode r = d.resource();
        if (r == null || e.subject() == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO keypair_inventory (key_id, project_id, user_id, "
                + "name, algorithm, bits, fingerprint, generated, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (key_id) DO UPDATE SET project_id = EXCLUDED.project_id, algorithm = EXCLUDED.algorithm, "
                + "bits = EXCLUDED.bits, fingerprint = EXCLUDED.fingerprint, generated = EXCLUDED.generated, "
                + "created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by, last_used_at = NULL")) {
            s.setString(1, e.subject());
            s.setString(2, e.partitionKey());
            s.setString(3, text(r, "user_id", d.target() == null ? "" : d.target().ownerUserId()));
            s.setString(4, text(r, "name", ""));
            s.setString(5, text(r, "algorithm", null));
            if (r.hasNonNull("bits") && r.get("bits").canConvertToInt()) {
                s.setInt(6, r.get("bits").intValue());
            } else {
                s.setNull(6, Types.INTEGER);
            }
            s.setString(7, text(r, "fingerprint", null));
            s.setBoolean(8, r.path("generated").asBoolean(false));
            s.setTimestamp(9, Timestamp.from(e.time()));
            s.setString(10, d.initiator() == null ? null : d.initiator().userId());
            s.executeUpdate();
        }
    }

    private static void credentialCreated(Connection c, CloudEvent e, EventData d) throws SQLException {
        JsonNode r = d.resource();
        if (r == null || e.subject() == null) {
            return;
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : r.path("roles")) {
            roles.add(role.isTextual() ? role.asText() : role.path("name").asText());
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO credential_inventory (credential_id, project_id, "
                + "user_id, name, roles, unrestricted, expires_at, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (credential_id) DO NOTHING")) {
            s.setString(1, e.subject());
            s.setString(2, text(r, "project_id", e.partitionKey()));
            s.setString(3, text(r, "user_id", d.target() == null ? "" : d.target().ownerUserId()));
            s.setString(4, text(r, "name", null));
            s.setString(5, EventJson.mapper().valueToTree(roles).toString());
            s.setBoolean(6, r.path("unrestricted").asBoolean(false));
            Instant expires = instant(r.get("expires_at"));
            s.setTimestamp(7, expires == null ? null : Timestamp.from(expires));
            s.setTimestamp(8, Timestamp.from(e.time()));
            s.setString(9, d.initiator() == null ? null : d.initiator().userId());
            s.executeUpdate();
        }
    }

    private static void tokenIssued(Connection c, CloudEvent e, EventData d) throws SQLException {
        Initiator i = d.initiator();
        if (i == null || i.userId() == null) {
            return;
        }
        String credential = i.applicationCredentialId();
        if (credential != null) {
            try (PreparedStatement s = c.prepareStatement("UPDATE credential_inventory SET last_used_at = ?, "
                    + "last_used_from = ? WHERE credential_id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")) {
                s.setTimestamp(1, Timestamp.from(e.time()));
                s.setString(2, i.sourceAddress());
                s.setString(3, credential);
                s.setTimestamp(4, Timestamp.from(e.time()));
                s.executeUpdate();
            }
        }
        String agent = i.userAgent() == null ? "" : i.userAgent();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO login_inventory (user_id, project_id, method, count, "
                + "first_at, last_at, user_agents) VALUES (?, ?, ?, 1, ?, ?, jsonb_build_array(?::text)::text) "
                + "ON CONFLICT (user_id, project_id, method) DO UPDATE SET count = login_inventory.count + 1, "
                + "first_at = LEAST(login_inventory.first_at, EXCLUDED.first_at), "
                + "last_at = GREATEST(login_inventory.last_at, EXCLUDED.last_at), "
                + "user_agents = CASE WHEN jsonb_exists(login_inventory.user_agents::jsonb, ?) "
                + "OR jsonb_array_length(login_inventory.user_agents::jsonb) >= 20 THEN login_inventory.user_agents "
                + "ELSE (login_inventory.user_agents::jsonb || jsonb_build_array(?::text))::text END")) {
            s.setString(1, i.userId());
            s.setString(2, i.projectId() == null ? e.partitionKey() : i.projectId());
            s.setString(3, credential != null ? "application_credential" : "password");
            s.setTimestamp(4, Timestamp.from(e.time()));
            s.setTimestamp(5, Timestamp.from(e.time()));
            s.setString(6, agent);
            s.setString(7, agent);
            s.setString(8, agent);
            s.executeUpdate();
        }
    }

    private static void ruleCreated(Connection c, JsonNode r, Instant at) throws SQLException {
        if (r == null || !r.hasNonNull("id")) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_inventory (rule_id, project_id, "
                + "security_group_id, direction, ethertype, protocol, port_range_min, port_range_max, "
                + "remote_ip_prefix, remote_group_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (rule_id) DO NOTHING")) {
            s.setString(1, r.get("id").asText());
            s.setString(2, text(r, "project_id", "-"));
            s.setString(3, text(r, "security_group_id", null));
            s.setString(4, text(r, "direction", null));
            s.setString(5, text(r, "ethertype", null));
            s.setString(6, text(r, "protocol", null));
            integer(s, 7, r.get("port_range_min"));
            integer(s, 8, r.get("port_range_max"));
            s.setString(9, text(r, "remote_ip_prefix", null));
            s.setString(10, text(r, "remote_group_id", null));
            s.setTimestamp(11, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static void delete(Connection c, String sql, String id) throws SQLException {
        if (id == null) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static void integer(PreparedStatement s, int index, JsonNode n) throws SQLException {
        if (n != null && n.canConvertToInt() && n.isIntegralNumber()) {
            s.setInt(index, n.intValue());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static String text(JsonNode r, String field, String fallback) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static Instant instant(JsonNode n) {
        if (n == null || n.isNull() || !n.isTextual()) {
            return null;
        }
        String s = n.asText();
        try {
            return Instant.parse(s.endsWith("Z") || s.contains("+") ? s : s + "Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.accessplane.audit.detectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds CloudEvents shaped exactly like the ones captured from the running stack: each starts as a
 * copy of a captured sample (test resource {@code detectors/templates.ndjson}) and only the fields a
 * test cares about are changed. Sequences are assigned per source, contiguously, unless a test sets
 * one.
 */
final class TestEvents {
    static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
    static final String PROJECT = "dc5aeae5aaed7fb4626deb0068537173";
    static final String ALICE = "cfae924f6c3975994d02f930dfad362b";
    static final String ADMIN = "df5df83f103fabe04a44060d0b63b1ef";

    private final Map<String, ObjectNode> templates = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    TestEvents() {
        try (InputStream in = TestEvents.class.getResourceAsStream("/detectors/templates.ndjson")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    ObjectNode node = (ObjectNode) EventJson.mapper().readTree(line);
                    templates.put(node.get("type").asText(), node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a test resource. */
    static List<String> lines(String resource) {
        try (InputStream in = TestEvents.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the captured sample of this type, with a fresh id, at {@link #T0}. */
    Ev of(String type) {
        ObjectNode template = templates.get(type);
        if (template == null) {
            throw new IllegalArgumentException("no captured sample of " + type);
        }
        return new Ev(template.deepCopy()).id(UUID.randomUUID().toString()).at(T0);
    }

    /** {@code security_group_rule.created}: tcp 22 from 0.0.0.0/0 ingress, as captured. */
    Ev ruleCreated(String ruleId) {
        return of("io.accessplane.security_group_rule.created.v1").subject(ruleId).target("id", ruleId).res("id", ruleId);
    }

    /** {@code security_group_rule.deleted}, as secgroup-service writes it (same state, action "delete"). */
    Ev ruleDeleted(String ruleId) {
        return ruleCreated(ruleId).type("io.accessplane.security_group_rule.deleted.v1").data("action", "delete");
    }

    /** {@code security_group.created} of a group with the two default egress rules, as captured. */
    Ev groupCreated(String groupId) {
        return of("io.accessplane.security_group.created.v1").subject(groupId).target("id", groupId).res("id", groupId);
    }

    /** {@code security_group.deleted} as captured (its rules embedded, including the captured world-open rule). */
    Ev groupDeleted(String groupId) {
        return of("io.accessplane.security_group.deleted.v1").subject(groupId).target("id", groupId).res("id", groupId);
    }

    /** {@code keypair.created} of a generated 2048-bit RSA key, as captured. */
    Ev keypairGenerated(String name) {
        String id = ADMIN + "/" + name;
        return of("io.accessplane.keypair.created.v1").subject(id).target("id", id).target("name", name).res("name", name);
    }

    /** {@code keypair.created} of an imported ed25519 key, as captured. */
    Ev keypairImported(String name) {
        String id = ADMIN + "/" + name;
        return of("io.accessplane.keypair.created.v1").subject(id).target("id", id).target("name", name).res("name", name)
                .res("generated", false).res("algorithm", "ed25519").res("bits", 256)
                .res("fingerprint_sha256", "SHA256:" + name + "-fp");
    }

    /** {@code keypair.deleted}, as captured. */
    Ev keypairDeleted(String name) {
        String id = ADMIN + "/" + name;
        return of("io.accessplane.keypair.deleted.v1").subject(id).target("id", id).target("name", name).res("name", name);
    }

    /** {@code application_credential.created}, as captured (admin role, never expires, restricted). */
    Ev credentialCreated(String credId) {
        return of("io.accessplane.application_credential.created.v1").subject(credId).target("id", credId)
                .res("id", credId);
    }

    /** A harmless credential: member role only, expiring, restricted. */
    Ev plainCredentialCreated(String credId) {
        ArrayNode roles = EventJson.mapper().createArrayNode();
        roles.addObject().put("id", "8fb6f1c0d7f04d3b9e3d9a51c4c1a002").put("name", "member").putObject("options");
        return credentialCreated(credId).res("roles", roles).res("expires_at", "2030-01-01T00:00:00.000000Z");
    }

    /** {@code application_credential.deleted}, as credential-service's cascade writes it. */
    Ev credentialDeleted(String credId, String reason) {
        ObjectNode state = EventJson.mapper().createObjectNode();
        state.put("id", credId).put("name", "ac").put("user_id", ADMIN).put("project_id", PROJECT).put("unrestricted", false);
        return credentialCreated(credId).type("io.accessplane.application_credential.deleted.v1")
                .data("action", "deleted").data("resource", state).data("reason", reason);
    }

    /** {@code token.issued} for a password login of the admin, as captured. */
    Ev passwordToken() {
        return of("io.accessplane.token.issued.v1");
    }

    /** {@code token.issued} minted with an application credential. */
    Ev credentialToken(String credId) {
        ArrayNode methods = EventJson.mapper().createArrayNode().add("application_credential");
        return passwordToken().initiator("application_credential_id", credId).res("methods", methods);
    }

    /** {@code authentication.failed}: a bad password for a user, as captured. */
    Ev passwordFailed(String userId) {
        return of("io.accessplane.authentication.failed.v1").subject(userId).target("id", userId)
                .target("owner_user_id", userId).initiator("user_id", userId);
    }

    /** {@code authentication.failed} naming an application credential, as credential-service writes it. */
    Ev credentialFailed(String credId, String reason) {
        return of("io.accessplane.authentication.failed.v1").subject(credId).target("id", credId)
                .target("type", "application_credential").target("name", null)
                .initiator("application_credential_id", credId).data("reason", reason);
    }

    /** A fluent edit of one event's JSON. */
    final class Ev {
        private final ObjectNode node;
        private boolean sequenceSet;

        Ev(ObjectNode node) {
            this.node = node;
        }

        Ev id(String id) {
            node.put("id", id);
            return this;
        }

        Ev at(Instant t) {
            node.put("time", t.toString());
            return this;
        }

        Ev type(String type) {
            node.put("type", type);
            return this;
        }

        Ev subject(String subject) {
            node.put("subject", subject);
            return this;
        }

        Ev source(String source) {
            node.put("source", source);
            return this;
        }

        Ev seq(long n) {
            node.put("sequence", CloudEvent.encodeSequence(n));
            sequenceSet = true;
            return this;
        }

        Ev noSequence() {
            node.remove("sequence");
            sequenceSet = true;
            return this;
        }

        /** Moves the event to a project: partition key, target owner, resource project and initiator scope. */
        Ev project(String project) {
            node.put("partitionkey", project);
            ObjectNode target = (ObjectNode) node.path("data").path("target");
            if (target.has("owner_project_id")) {
                target.put("owner_project_id", project);
            }
            JsonNode resource = node.path("data").path("resource");
            if (resource.has("project_id")) {
                ((ObjectNode) resource).put("project_id", project);
            }
            ObjectNode initiator = (ObjectNode) node.path("data").path("initiator");
            if (initiator.has("project_id")) {
                initiator.put("project_id", project);
            }
            return this;
        }

        Ev actor(String userId) {
            return initiator("user_id", userId);
        }

        Ev ip(String address) {
            return initiator("source_address", address);
        }

        Ev userAgent(String agent) {
            return initiator("user_agent", agent);
        }

        Ev data(String field, Object value) {
            set((ObjectNode) node.get("data"), field, value);
            return this;
        }

        Ev res(String field, Object value) {
            set((ObjectNode) node.path("data").path("resource"), field, value);
            return this;
        }

        Ev target(String field, Object value) {
            set((ObjectNode) node.path("data").path("target"), field, value);
            return this;
        }

        Ev initiator(String field, Object value) {
            set((ObjectNode) node.path("data").path("initiator"), field, value);
            return this;
        }

        private void set(ObjectNode on, String field, Object value) {
            if (value == null) {
                on.putNull(field);
            } else {
                on.set(field, EventJson.mapper().valueToTree(value));
            }
        }

        CloudEvent build() {
            if (!sequenceSet) {
                long n = sequences.merge(node.get("source").asText(), 1L, Long::sum);
                node.put("sequence", CloudEvent.encodeSequence(n));
            }
            try {
                return EventJson.read(EventJson.mapper().writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

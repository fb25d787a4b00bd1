package io.accessplane.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code openstack} client (Debian's python3-openstackclient) against the running
 * credential-service: tokens, users, projects, role grants and application credentials, as the
 * admin, as an ordinary user made through the client itself, and with application credentials.
 */
class IdentityCliTest {

    static OpenStackCli admin;
    static OpenStackCli user;
    static String userName;
    static String projectName;
    static final String PASSWORD = "cli-" + UUID.randomUUID();

    @BeforeAll
    static void makeAUserThroughTheClient() {
        admin = OpenStackCli.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        projectName = "cli-project-" + suffix;
        userName = "cli-user-" + suffix;
        JsonNode project = admin.json("project", "create", "--description", "made by the CLI test", projectName);
        assertEquals(projectName, project.get("name").asText());
        JsonNode created = admin.json("user", "create", "--password", PASSWORD, userName);
        assertEquals(userName, created.get("name").asText());
        assertTrue(created.get("enabled").asBoolean());
        admin.run("role", "add", "--project", projectName, "--user", userName, "member").ok();
        user = admin.asUser(userName, PASSWORD, projectName);
    }

    @Test
    void adminTokenIssue() {
        JsonNode token = admin.json("token", "issue");
        assertEquals(3, token.get("id").asText().split("\\.").length, "the token is a JWT");
        assertFalse(token.get("project_id").asText().isEmpty());
        assertFalse(token.get("user_id").asText().isEmpty());
        assertFalse(token.get("expires").asText().isEmpty());
    }

    @Test
    void roleAssignmentListShowsTheGrant() {
        JsonNode list = admin.json("role", "assignment", "list", "--user", userName, "--project", projectName,
                "--names");
        List<String> roles = new ArrayList<>();
        list.forEach(a -> roles.add(a.get("Role").asText()));
        assertTrue(roles.contains("member"), list.toString());
    }

    @Test
    void userTokenIssue() {
        JsonNode token = user.json("token", "issue");
        assertNotEquals(admin.json("token", "issue").get("user_id").asText(), token.get("user_id").asText());
    }

    @Test
    void applicationCredentialLifecycleAndAuthentication() {
        JsonNode plain = user.json("application", "credential", "create", "ac-plain");
        String id = plain.get("id").asText();
        String secret = plain.get("secret").asText();
        assertEquals(86, secret.length());
        assertTrue(plain.get("roles").asText().contains("member"), plain.toString());

        JsonNode full = user.json("application", "credential", "create", "--secret", "my-own-secret-123",
                "--role", "member", "--expiration", "2030-01-01T00:00:00", "--unrestricted",
                "--description", "full options", "ac-full");
        assertEquals("my-own-secret-123", full.get("secret").asText());
        assertTrue(full.get("unrestricted").asBoolean());
        assertTrue(full.get("expires_at").asText().startsWith("2030-01-01T00:00:00"), full.toString());

        JsonNode list = user.json("application", "credential", "list");
        List<String> names = new ArrayList<>();
        list.forEach(c -> names.add(c.get("Name").asText()));
        assertTrue(names.containsAll(List.of("ac-plain", "ac-full")), names.toString());

        JsonNode shown = user.json("application", "credential", "show", "ac-plain");
        assertEquals(id, shown.get("id").asText());
        assertFalse(shown.has("secret") && !shown.get("secret").isNull(), "the secret is shown only at creation");

        JsonNode byId = admin.asApplicationCredential(id, secret).json("token", "issue");
        assertFalse(byId.get("id").asText().isEmpty());
        JsonNode byName = admin.asApplicationCredentialNamed("ac-full", userName, "my-own-secret-123")
                .json("token", "issue");
        assertFalse(byName.get("id").asText().isEmpty());

        user.run("application", "credential", "delete", "ac-full").ok();
        var refused = admin.asApplicationCredentialNamed("ac-full", userName, "my-own-secret-123")
                .run("token", "issue");
        assertNotEquals(0, refused.exitCode(), "a deleted credential no longer authenticates");
        JsonNode after = user.json("application", "credential", "list");
        after.forEach(c -> assertNotEquals("ac-full", c.get("Name").asText()));
    }

    @Test
    void restrictedApplicationCredentialCannotCreateAnother() {
        JsonNode restricted = user.json("application", "credential", "create", "ac-restricted");
        OpenStackCli viaCredential = admin.asApplicationCredential(restricted.get("id").asText(),
                restricted.get("secret").asText());
        var refused = viaCredential.run("application", "credential", "create", "ac-child");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("403") || refused.stderr().contains("not authorized"), refused.stderr());
    }
}

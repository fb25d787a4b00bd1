package io.accessplane.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.stack.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute, network and identity commands of the real client authenticated with an application
 * credential (OS_AUTH_TYPE=v3applicationcredential): a restricted one works like its user's member
 * role in the project, except that it may not make or remove application credentials.
 */
class ApplicationCredentialCliTest {

    @TempDir
    Path dir;

    @Test
    void aRestrictedCredentialDrivesKeyPairsAndSecurityGroupsButNotCredentials() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("accli", "member");
        JsonNode cred = owner.cli().json("application", "credential", "create", "accli-restricted");
        assertTrue(cred.get("unrestricted").isBoolean() && !cred.get("unrestricted").asBoolean(), cred.toString());
        OpenStackCli viaCred = admin.asApplicationCredential(cred.get("id").asText(), cred.get("secret").asText());

        JsonNode token = viaCred.json("token", "issue");
        String projectId = admin.json("project", "show", owner.project()).get("id").asText();
        assertEquals(projectId, token.get("project_id").asText(), "the credential's token is scoped to its project");

        Path pub = dir.resolve("accli.pub");
        Files.writeString(pub, Api.newOpenSshKey() + " accli\n");
        JsonNode key = viaCred.json("keypair", "create", "--public-key", pub.toString(), "accli-key");
        assertEquals("accli-key", key.get("name").asText());
        assertTrue(viaCred.json("keypair", "list").toString().contains("accli-key"));
        assertEquals("accli-key", viaCred.json("keypair", "show", "accli-key").get("name").asText());

        JsonNode group = viaCred.json("security", "group", "create", "--description", "via credential", "accli-sg");
        assertEquals(projectId, group.get("project_id").asText());
        JsonNode rule = viaCred.json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "443",
                "--remote-ip", "10.0.0.0/8", "accli-sg");
        assertEquals(443, rule.get("port_range_min").asInt());
        assertTrue(viaCred.json("security", "group", "rule", "list", "accli-sg").toString().contains(rule.get("id").asText()));
        assertTrue(viaCred.json("security", "group", "list").toString().contains(group.get("id").asText()));

        JsonNode creds = viaCred.json("application", "credential", "list");
        assertTrue(creds.toString().contains(cred.get("id").asText()), "it lists its user's credentials");
        var refused = viaCred.run("application", "credential", "create", "accli-child");
        assertNotEquals(0, refused.exitCode(), "a restricted credential may not make credentials");
        assertTrue(refused.stderr().contains("403") || refused.stderr().toLowerCase().contains("forbidden"), refused.stderr());
        var notDeleted = viaCred.run("application", "credential", "delete", "accli-restricted");
        assertNotEquals(0, notDeleted.exitCode(), "nor remove them");

        viaCred.run("security", "group", "rule", "delete", rule.get("id").asText()).ok();
        viaCred.run("security", "group", "delete", "accli-sg").ok();
        viaCred.run("keypair", "delete", "accli-key").ok();
        owner.cli().run("application", "credential", "delete", "accli-restricted").ok();
        assertNotEquals(0, viaCred.run("token", "issue").exitCode(), "a deleted credential authenticates no more");
    }
}

package io.accessplane.credential.rest;

import static io.accessplane.credential.rest.IdentityClient.adminToken;
import static io.accessplane.credential.rest.IdentityClient.appCredToken;
import static io.accessplane.credential.rest.IdentityClient.createAppCred;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.events.EventJson;
import io.accessplane.platform.testing.EventCollector;
import io.accessplane.platform.testing.EventCollector.Received;
import io.accessplane.platform.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The identity service's events say what happened (with reason codes for failures and the
 * side-effect deletions Keystone keeps silent), and no password, secret or token ever reaches an
 * event, a log line or the database in the clear.
 */
@QuarkusTest
class SecretHygieneTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void eventsTellTheStoryWithoutSecrets() throws Exception {
        String admin = adminToken();
        String password = "Pw-" + UUID.randomUUID();
        String userName = "hygiene-" + UUID.randomUUID().toString().substring(0, 8);
        String projectId = IdentityClient.createProject(admin, "hp-" + UUID.randomUUID().toString().substring(0, 8));
        String userId = IdentityClient.createUser(admin, userName, password);
        IdentityClient.grant(admin, projectId, userId, "member");
        String projectName = given().header("X-Auth-Token", admin).get("/v3/projects/" + projectId).then().extract()
                .path("project.name");
        String userToken = IdentityClient.token(userName, password, projectName);
        String chosenSecret = "chosen-" + UUID.randomUUID();
        var created = createAppCred(userToken, userId, Map.of("name", "hygiene", "secret", chosenSecret));
        String acId = created.path("application_credential.id");
        String acToken = appCredToken(acId, chosenSecret).header("X-Subject-Token");
        assertEquals(401, appCredToken(acId, "wrong-" + chosenSecret).statusCode());
        assertEquals(401, IdentityClient.passwordToken(userName, "wrong-" + password, projectName).statusCode());
        given().header("X-Auth-Token", userToken).delete("/v3/users/" + userId + "/application_credentials/" + acId)
                .then().statusCode(204);

        Set<String> secrets = Set.of(password, "wrong-" + password, chosenSecret, "wrong-" + chosenSecret, userToken,
                acToken, IdentityClient.ADMIN_PASSWORD, admin);

        List<Received> mine;
        try (EventCollector events = new EventCollector(bootstrap, "accessplane.credential.events")) {
            mine = events.pollUntil(r -> r.stream().anyMatch(x -> "io.accessplane.application_credential.deleted.v1"
                    .equals(x.event().type()) && acId.equals(x.event().subject())), Duration.ofSeconds(30));
        }
        List<Received> aboutUser = mine.stream().filter(r -> r.event().data() != null && r.event().data().target() != null
                && (userId.equals(r.event().data().target().ownerUserId()) || userId.equals(r.event().data().target().id())
                        || acId.equals(r.event().data().target().id()))).toList();
        Set<String> types = aboutUser.stream().map(r -> r.event().type()).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("io.accessplane.user.created.v1", "io.accessplane.role_assignment.created.v1",
                "io.accessplane.token.issued.v1", "io.accessplane.application_credential.created.v1",
                "io.accessplane.authentication.failed.v1", "io.accessplane.application_credential.deleted.v1")), types.toString());
        Set<String> reasons = aboutUser.stream().filter(r -> r.event().type().endsWith("authentication.failed.v1"))
                .map(r -> r.event().data().reason()).collect(Collectors.toSet());
        assertTrue(reasons.containsAll(Set.of("bad_secret", "bad_password")), reasons.toString());
        Received deleted = aboutUser.stream().filter(r -> r.event().type().endsWith("application_credential.deleted.v1"))
                .findFirst().orElseThrow();
        assertEquals("application_credential", deleted.event().data().revocation().kind().name().toLowerCase());
        Received failure = aboutUser.stream().filter(r -> "bad_password".equals(r.event().data().reason())).findFirst()
                .orElseThrow();
        assertTrue(failure.event().data().initiator().sourceAddress() != null, "failed logins carry the source address");

        for (Received r : mine) {
            String json = EventJson.write(r.event());
            for (String s : secrets) {
                assertFalse(json.contains(s), "an event carries a secret: " + r.event().type());
            }
            assertFalse(json.contains("$argon2id"), "an event carries a hash: " + r.event().type());
        }

        Path log = Path.of("target", "quarkus-test.log");
        assertTrue(Files.exists(log), "the test run writes its log to " + log);
        String text = Files.readString(log);
        for (String s : secrets) {
            assertFalse(text.contains(s), "the log carries a secret");
        }

        TestDatabase db = new TestDatabase(jdbcUrl, "accessplane_test", "accessplane_test");
        assertEquals(0, db.count("SELECT count(*) FROM identity_user WHERE password_hash NOT LIKE '$argon2id$%'"
                + " AND password_hash IS NOT NULL"));
        for (String s : secrets) {
            assertEquals(0, db.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE ?", "%" + s + "%"));
            assertEquals(0, db.count("SELECT count(*) FROM identity_user WHERE password_hash LIKE ?", "%" + s + "%"));
        }
    }
}

package io.accessplane.credential.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.testing.OpenApiCoverage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What operators see: meters on /q/metrics, the OpenAPI document and Swagger UI. */
@QuarkusTest
class OperationsTest {

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of every sample of {@code name} whose labels contain all of {@code labels}; 0 when none. */
    static double value(String exposition, String name, String... labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                String sample = line.split(" # ", 2)[0]; // an exemplar may follow the value
                sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void tokensIssuedAndRefusedAreCountedByMethodAndReason() {
        String before = metrics();
        IdentityClient.adminToken();
        String stranger = "nobody-" + UUID.randomUUID();
        assertEquals(401, IdentityClient.passwordToken(stranger, "wrong-" + UUID.randomUUID(), "admin").statusCode());
        String after = metrics();
        String issued = "accessplane_tokens_issued_total";
        String failures = "accessplane_auth_failures_total";
        assertEquals(value(before, issued, "method=\"password\"") + 1, value(after, issued, "method=\"password\""),
                after);
        assertEquals(value(before, failures, "method=\"password\"", "reason=\"unknown_user\"") + 1,
                value(after, failures, "method=\"password\"", "reason=\"unknown_user\""), after);
        assertFalse(after.contains(stranger), "no user input in the metrics");
    }

    @Test
    void httpRequestsAreCountedByRouteTemplateNotByRawPath() {
        String admin = IdentityClient.adminToken();
        String userId = IdentityClient.createUser(admin, "ops-" + UUID.randomUUID().toString().substring(0, 8),
                "pw-" + UUID.randomUUID());
        given().header("X-Auth-Token", admin).get("/v3/users/" + userId).then().statusCode(200);
        String after = metrics();
        assertTrue(value(after, "http_server_requests_seconds_count", "uri=\"/v3/users/{id}\"", "method=\"GET\"",
                "status=\"200\"") >= 1, after);
        assertFalse(after.contains(userId), "no raw ids as uri tags");
    }

    @Test
    void theOutboxRelayReportsItsMeters() {
        String admin = IdentityClient.adminToken();
        given().header("X-Auth-Token", admin).contentType(ContentType.JSON)
                .body(Map.of("project", Map.of("name", "ops-" + UUID.randomUUID().toString().substring(0, 8))))
                .post("/v3/projects").then().statusCode(201);
        String source = "source=\"/accessplane/credential-service\"";
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String m = metrics();
            assertTrue(value(m, "accessplane_outbox_published_total", source) >= 1, m);
            assertTrue(value(m, "accessplane_outbox_publish_lag_seconds_count", source) >= 1, m);
            assertTrue(m.contains("accessplane_outbox_backlog{" + source), m);
            assertTrue(m.contains("accessplane_outbox_publish_failures_total{"), m);
        });
    }

    @Test
    void everyResourceMethodIsInTheOpenApiDocumentAndSwaggerUiIsServed() throws Exception {
        OpenApiCoverage.assertEveryResourceMethodDocumented("io.accessplane.credential.rest");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}

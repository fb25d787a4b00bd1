package io.accessplane.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must show once booted: its Flyway schema (the outbox included) is in place,
 * readiness reports the database, Kafka and the revocation feed, the relay is alive, and the
 * OpenAPI document is served. A service's {@code @QuarkusTest} extends this.
 */
public abstract class ServiceBootContract {

    @Test
    void readinessReportsDatabaseKafkaAndRevocations() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("revocation-feed"));
    }

    @Test
    void livenessIncludesTheOutboxRelay() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("outbox-relay"));
    }

    @Test
    void openApiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void flywaySchemaWithTheOutboxIsApplied() {
        var config = ConfigProvider.getConfig();
        TestDatabase db = new TestDatabase(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        assertEquals(0, db.count("SELECT count(*) FROM flyway_schema_history WHERE NOT success"));
        assertTrue(db.count("SELECT count(*) FROM flyway_schema_history WHERE success") >= 1);
        assertEquals(1, db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'outbox_event'"));
    }

    @Test
    void metricsAreServed() {
        given().get("/q/metrics").then().statusCode(200);
    }
}

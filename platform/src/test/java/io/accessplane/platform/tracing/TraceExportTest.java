package io.accessplane.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.testing.KafkaBrokerResource;
import io.accessplane.platform.testing.TestTokens;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a collector named, the service still traces but its spans go to the quiet exporter. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "topics", value = "accessplane.credential.events"))
@QuarkusTestResource(value = TestTokens.class, restrictToAnnotatedClass = true)
class TraceExportTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void withoutACollectorSpansGoToTheQuietExporterOnly() {
        List<SpanExporter> resolvable = exporters.stream().toList();
        assertEquals(1, resolvable.size(), "one exporter: " + resolvable);
        assertTrue(resolvable.get(0) instanceof NoCollectorSpanExporter, "the quiet one: " + resolvable);
        // a traced request still works and its span ends in the quiet exporter
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .queryParam("project", "p-quiet").queryParam("fail", false)
                .post("/test/widgets/w-quiet-" + UUID.randomUUID()).then().statusCode(201);
    }
}

package io.accessplane.keypair.rest;

import static io.restassured.RestAssured.given;

import io.accessplane.platform.testing.OpenApiCoverage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every resource method of the service is in /q/openapi with a summary, and Swagger UI is served. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyResourceMethodIsInTheOpenApiDocumentAndSwaggerUiIsServed() throws Exception {
        OpenApiCoverage.assertEveryResourceMethodDocumented("io.accessplane.keypair.rest");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}

package io.accessplane.credential;

import io.accessplane.platform.testing.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

/** credential-service boots with its schema, health checks, metrics and OpenAPI. */
@QuarkusTest
class ServiceBootTest extends ServiceBootContract {
}

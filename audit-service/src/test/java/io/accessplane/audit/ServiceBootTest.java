package io.accessplane.audit;

import io.accessplane.platform.testing.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

/** audit-service boots with its schema, health checks, metrics and OpenAPI. */
@QuarkusTest
class ServiceBootTest extends ServiceBootContract {
}

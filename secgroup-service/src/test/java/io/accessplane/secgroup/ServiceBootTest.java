package io.accessplane.secgroup;

import io.accessplane.platform.testing.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

/** secgroup-service boots with its schema, health checks, metrics and OpenAPI. */
@QuarkusTest
class ServiceBootTest extends ServiceBootContract {
}

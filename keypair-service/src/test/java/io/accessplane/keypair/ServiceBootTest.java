package io.accessplane.keypair;

import io.accessplane.platform.testing.ServiceBootContract;
import io.quarkus.test.junit.QuarkusTest;

/** keypair-service boots with its schema, health checks, metrics and OpenAPI. */
@QuarkusTest
class ServiceBootTest extends ServiceBootContract {
}

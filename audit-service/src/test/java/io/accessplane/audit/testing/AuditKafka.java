package io.accessplane.audit.testing;

import io.accessplane.platform.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module shares one dedicated real Kafka broker with the producers' topics, the
 * alerts topic and the dead-letter topic (this annotation applies to the whole module).
 */
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "topics",
        value = "accessplane.keypair.events,accessplane.secgroup.events,accessplane.credential.events,"
                + "accessplane.audit.alerts,accessplane.audit.deadletter"))
public final class AuditKafka {
    private AuditKafka() {
    }
}

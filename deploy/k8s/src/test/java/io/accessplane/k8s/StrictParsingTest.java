package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.k8s.cnpg.CnpgCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders and every object in it fits its model exactly; the checker itself is checked. */
class StrictParsingTest {

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyOverlayRendersIntoKnownKindsWithKnownFieldsOnly(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        assertFalse(m.objects().isEmpty(), overlay + " renders nothing");
        assertEquals(4, m.all(Deployment.class).size(), overlay);
    }

    @Test
    void aValidDeploymentParses() {
        Manifests m = Manifests.parse(deployment("image: x"));
        assertEquals("x", m.all(Deployment.class).get(0).getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage());
    }

    @Test
    void aMisspelledKubernetesFieldDeepInsideIsRejected() {
        String error = rejected(deployment("image: x\n          lifecycel: {}"));
        assertTrue(error.contains("spec.template.spec.containers[0]") && error.contains("lifecycel"), error);
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        rejected(deployment("image: x").replace("replicas: 1", "replicas: two"));
    }

    @Test
    void anUnknownKindIsRejected() {
        String error = rejected("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
        assertTrue(error.contains("unknown kind"), error);
    }

    @Test
    void aMisspelledStrimziFieldIsRejected() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 6
                  replicas: 3
                """;
        assertEquals(3, Manifests.parse(topic).all(KafkaTopic.class).get(0).getSpec().getReplicas());
        rejected(topic + "  replication: 3\n");
    }

    @Test
    void aMisspelledCloudNativePgFieldIsRejected() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: db
                spec:
                  instances: 3
                  storage:
                    size: 1Gi
                """;
        assertEquals(3, Manifests.parse(cluster).all(CnpgCluster.class).get(0).spec().instances());
        rejected(cluster + "    sizee: 2Gi\n");
        rejected(cluster.replace("metadata:\n  name: db", "metadata:\n  name: db\n  lables: {}"));
    }

    private static String rejected(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> Manifests.parse(yaml)).getMessage();
    }

    private static String deployment(String container) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: d
                  template:
                    metadata:
                      labels:
                        app: d
                    spec:
                      containers:
                        - name: c
                          %s
                """.formatted(container);
    }
}

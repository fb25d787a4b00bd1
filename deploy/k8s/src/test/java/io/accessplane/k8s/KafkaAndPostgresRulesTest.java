package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.k8s.cnpg.CnpgCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Kafka's topics and replication, and one PostgreSQL cluster per service that only it reaches. */
class KafkaAndPostgresRulesTest {

    /** Partitions of every topic, as deploy/local/stack creates them (ACCESSPLANE_KAFKA_PARTITIONS). */
    private static final int PARTITIONS = 6;

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyTopicTheCodeUsesExistsWithTheLocalStacksPartitions(String overlay) {
        Map<String, KafkaTopic> topics = Overlays.rendered(overlay).all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(KafkaAndPostgresRulesTest::topicName, t -> t));
        Set<String> used = SourceTopics.all();
        assertTrue(used.size() >= 5, "topics found in the sources: " + used);
        assertEquals(used, topics.keySet(), overlay);
        topics.forEach((name, t) -> assertEquals(PARTITIONS, t.getSpec().getPartitions(), overlay + " " + name));
    }

    @ParameterizedTest
    @CsvSource({"dev,1,1,1", "prod,3,2,3"})
    void replicationFitsTheOverlay(String overlay, int replicas, int minInSync, int nodes) {
        Manifests m = Overlays.rendered(overlay);
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            assertEquals(replicas, t.getSpec().getReplicas(), overlay + " " + topicName(t));
            assertEquals(minInSync, number(t.getSpec().getConfig().get("min.insync.replicas")),
                    overlay + " " + topicName(t) + " min.insync.replicas");
        }
        Kafka kafka = m.all(Kafka.class).get(0);
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals(replicas, number(config.get("default.replication.factor")), overlay);
        assertEquals(minInSync, number(config.get("min.insync.replicas")), overlay);
        assertEquals(replicas, number(config.get("offsets.topic.replication.factor")), overlay);
        int brokers = m.all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().stream().anyMatch(r -> r.toValue().equals("broker")))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertEquals(nodes, brokers, overlay + " brokers");
        assertTrue(brokers >= replicas, overlay + ": fewer brokers than replicas");
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void kafkasListenerAcceptsTheFourServicesOnly(String overlay) {
        Kafka kafka = Overlays.rendered(overlay).all(Kafka.class).get(0);
        var listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size());
        Set<String> peers = listeners.get(0).getNetworkPolicyPeers().stream()
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Overlays.SERVICES), peers);
    }

    @ParameterizedTest
    @CsvSource({"dev,1", "prod,3"})
    void everyServiceHasItsOwnPostgresCluster(String overlay, int instances) {
        Manifests m = Overlays.rendered(overlay);
        assertEquals(Overlays.SERVICES.size(), m.all(CnpgCluster.class).size());
        for (Deployment d : m.all(Deployment.class)) {
            CnpgCluster db = clusterOf(d, m);
            String name = overlay + " " + d.getMetadata().getName();
            assertEquals(instances, db.spec().instances(), name);
            var initdb = db.spec().bootstrap().initdb();
            Map<String, String> env = Pods.environment(d, m);
            String rw = db.metadata().getName() + "-rw";
            assertEquals("jdbc:postgresql://" + rw + ":5432/" + initdb.database(), env.get("QUARKUS_DATASOURCE_JDBC_URL"), name);
            assertEquals("postgresql://" + rw + ":5432/" + initdb.database(), env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), name);
            assertEquals("secret:" + initdb.secret().name() + "/username", env.get("QUARKUS_DATASOURCE_USERNAME"), name);
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void eachServiceReachesItsOwnDatabaseOnlyAndEachDatabaseOnlyItsService(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            String service = d.getMetadata().getName();
            String cluster = clusterOf(d, m).metadata().getName();
            NetworkPolicy own = m.named(NetworkPolicy.class, service);
            Set<String> databases = own.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream())
                    .map(p -> label(p, "cnpg.io/cluster")).filter(Objects::nonNull).collect(Collectors.toSet());
            assertEquals(Set.of(cluster), databases, overlay + " " + service + " egress");
            NetworkPolicy db = m.all(NetworkPolicy.class).stream()
                    .filter(p -> cluster.equals(p.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no policy for " + cluster));
            Set<String> clients = db.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                    .map(p -> label(p, "app.kubernetes.io/name")).filter(Objects::nonNull).collect(Collectors.toSet());
            assertEquals(Set.of(service, "cloudnative-pg"), clients, overlay + " " + cluster + " ingress");
        }
    }

    /** The cluster whose owner Secret the service's datasource password comes from. */
    private static CnpgCluster clusterOf(Deployment d, Manifests m) {
        String password = Pods.environment(d, m).get("QUARKUS_DATASOURCE_PASSWORD");
        return m.all(CnpgCluster.class).stream()
                .filter(c -> ("secret:" + c.spec().bootstrap().initdb().secret().name() + "/password").equals(password))
                .findFirst().orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": no cluster for " + password));
    }

    private static String label(NetworkPolicyPeer peer, String key) {
        return peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null ? null
                : peer.getPodSelector().getMatchLabels().get(key);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }

    /** The Kafka name of a KafkaTopic: spec.topicName, else the resource's name. */
    private static String topicName(KafkaTopic t) {
        return t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
    }
}

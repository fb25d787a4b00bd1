package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Default deny, and the paths the services' own configuration needs are open. */
class NetworkPolicyRulesTest {

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everythingIsDeniedUnlessAllowedAndDnsIsAllowed(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        NetworkPolicy deny = m.named(NetworkPolicy.class, "default-deny");
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty(), "default-deny selects every pod");
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(deny.getSpec().getPolicyTypes()));
        assertTrue(deny.getSpec().getIngress().isEmpty() && deny.getSpec().getEgress().isEmpty());
        NetworkPolicy dns = m.named(NetworkPolicy.class, "allow-dns");
        assertTrue(allows(dns.getSpec().getEgress(), Map.of("k8s-app", "kube-dns"), 53), "DNS on 53");
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void servicesReachTheJwksAndKafkaTheyAreConfiguredWith(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> env = Pods.environment(d, m);
            List<NetworkPolicyEgressRule> egress = m.named(NetworkPolicy.class, name).getSpec().getEgress();
            URI identity = URI.create(env.get("ACCESSPLANE_IDENTITY_URL"));
            Service idp = m.named(Service.class, identity.getHost());
            // credential-service verifies its own tokens with the keys it holds; the others fetch its JWKS
            if (!idp.getSpec().getSelector().get("app.kubernetes.io/name").equals(name)) {
                assertTrue(allows(egress, idp.getSpec().getSelector(), identity.getPort()),
                        overlay + " " + name + " cannot reach " + identity);
            }
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            assertEquals("accessplane-kafka-bootstrap:9092", bootstrap, overlay + " " + name);
            assertTrue(allows(egress, Map.of("strimzi.io/cluster", "accessplane", "strimzi.io/kind", "Kafka"), 9092),
                    overlay + " " + name + " cannot reach Kafka");
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void kafkaAcceptsTheFourServicesAndStrimziOnly(String overlay) {
        NetworkPolicy kafka = Overlays.rendered(overlay).named(NetworkPolicy.class, "kafka");
        Set<String> clients = kafka.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                .map(NetworkPolicyPeer::getPodSelector).filter(Objects::nonNull)
                .map(s -> s.getMatchLabels().get("app.kubernetes.io/name")).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(Overlays.SERVICES), clients);
        kafka.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).forEach(p -> {
            Map<String, String> labels = p.getPodSelector().getMatchLabels();
            boolean strimzi = labels.keySet().stream().allMatch(k -> k.startsWith("strimzi.io/"));
            assertTrue(labels.containsKey("app.kubernetes.io/name") || strimzi, "Kafka ingress from " + labels);
        });
    }

    /** Whether a rule lets the selected pods reach pods carrying {@code labels} on {@code port}. */
    private static boolean allows(List<NetworkPolicyEgressRule> rules, Map<String, String> labels, int port) {
        return rules.stream().anyMatch(r -> r.getPorts().stream()
                .anyMatch(p -> p.getPort() != null && Objects.equals(p.getPort().getIntVal(), port))
                && r.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                        && labels.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet())));
    }
}

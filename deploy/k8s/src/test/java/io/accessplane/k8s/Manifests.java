package io.accessplane.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.accessplane.k8s.cnpg.CnpgCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects of a rendered overlay, each read into the model of its {@code apiVersion} and
 * {@code kind}: an unknown kind, an unknown field (wherever the model would have kept it) or a
 * value of the wrong type is an error.
 */
final class Manifests {

    /** The kinds deploy/k8s may contain, by {@code apiVersion/kind}. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class));

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<Object> objects;

    private Manifests(List<Object> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Reads every document of {@code yaml}; fails naming every object that does not fit its model. */
    static Manifests parse(String yaml) {
        List<Object> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                String id = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                String name = id + " " + doc.path("metadata").path("name").asText("(no name)");
                Class<?> model = MODELS.get(id);
                if (model == null) {
                    problems.add(name + ": unknown kind");
                    continue;
                }
                try {
                    Object object = MAPPER.treeToValue(doc, model);
                    UnknownFields.in(object).forEach(f -> problems.add(name + ": unknown field at " + f));
                    objects.add(object);
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new Manifests(objects);
    }

    /** Every object of the given model. */
    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The Kubernetes object of the given model and name; fails when there is none. */
    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** Every object, in document order. */
    List<Object> objects() {
        return objects;
    }
}

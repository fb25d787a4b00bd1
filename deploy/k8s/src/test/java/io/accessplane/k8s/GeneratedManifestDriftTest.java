package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * deploy/k8s/base/&lt;service&gt;/kubernetes.yml is what quarkus-kubernetes generated in this build
 * ({@code <service>/target/kubernetes/kubernetes.yml}), so the service's configuration stays the one
 * source of its Deployment and Service. Compared as YAML objects: the generator does not keep the
 * order of labels from one build to the next.
 */
class GeneratedManifestDriftTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#SERVICES")
    void committedManifestIsTheGeneratedOne(String service) throws IOException {
        Path generated = Repo.file(service + "/target/kubernetes/kubernetes.yml");
        Path committed = Repo.file("deploy/k8s/base/" + service + "/kubernetes.yml");
        assertTrue(Files.isRegularFile(generated), generated + " is missing: build the service first "
                + "(mvn -B -pl " + service + " -am package -DskipTests), or build from the root");
        assertEquals(objects(generated), objects(committed), committed + " differs from what " + service
                + "'s configuration generates; after checking the difference, run: cp " + service
                + "/target/kubernetes/kubernetes.yml deploy/k8s/base/" + service + "/kubernetes.yml");
    }

    /** The documents of a YAML file by kind and name. */
    private static Map<String, JsonNode> objects(Path file) throws IOException {
        Map<String, JsonNode> objects = new TreeMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    objects.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
        return objects;
    }
}

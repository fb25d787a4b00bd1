package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * deploy/k8s/base/&lt;service&gt;/kubernetes.yml is exactly what quarkus-kubernetes generated in this
 * build ({@code <service>/target/kubernetes/kubernetes.yml}), so the service's configuration stays
 * the one source of its Deployment and Service.
 */
class GeneratedManifestDriftTest {

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#SERVICES")
    void committedManifestIsTheGeneratedOne(String service) throws IOException {
        Path generated = Repo.file(service + "/target/kubernetes/kubernetes.yml");
        Path committed = Repo.file("deploy/k8s/base/" + service + "/kubernetes.yml");
        assertTrue(Files.isRegularFile(generated), generated + " is missing: build the service first "
                + "(mvn -B -pl " + service + " -am package -DskipTests), or build from the root");
        assertEquals(Files.readString(generated), Files.readString(committed), committed + " differs from what "
                + service + "'s configuration generates; after checking the difference, run: cp " + service
                + "/target/kubernetes/kubernetes.yml deploy/k8s/base/" + service + "/kubernetes.yml");
    }
}

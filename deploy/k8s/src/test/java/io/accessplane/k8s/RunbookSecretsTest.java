package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.k8s.cnpg.CnpgCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Secrets are never in the manifests, and every one they name is the one docs/operations.md creates. */
class RunbookSecretsTest {

    private static final Pattern CREATE = Pattern.compile("kubectl[^\\n]*\\bcreate secret generic ([a-z0-9.-]+)");

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void noSecretCarriesData(String overlay) {
        for (Secret s : Overlays.rendered(overlay).all(Secret.class)) {
            assertTrue((s.getData() == null || s.getData().isEmpty())
                    && (s.getStringData() == null || s.getStringData().isEmpty()),
                    overlay + ": Secret " + s.getMetadata().getName() + " carries values");
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everySecretReferencedIsCreatedInTheRunbook(String overlay) throws IOException {
        Manifests m = Overlays.rendered(overlay);
        Set<String> referenced = new TreeSet<>();
        for (Deployment d : m.all(Deployment.class)) {
            referenced.addAll(Pods.secrets(d));
        }
        for (CnpgCluster c : m.all(CnpgCluster.class)) {
            referenced.add(c.spec().bootstrap().initdb().secret().name());
        }
        assertEquals(documented(), referenced, overlay + ": Secrets the manifests read vs. those docs/operations.md creates");
    }

    /** The names in {@code kubectl create secret generic <name>} commands of the runbook. */
    static Set<String> documented() throws IOException {
        Matcher m = CREATE.matcher(Files.readString(Repo.file("docs/operations.md")));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's pods get every variable deploy/local/stack gives that service, and key files exist. */
class EnvironmentParityTest {

    private static final Pattern VARIABLE = Pattern.compile("\"([A-Z][A-Z0-9_]*)=");

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyVariableTheLocalStackPassesIsPassed(String overlay) throws IOException {
        Map<String, Set<String>> expected = localStackEnvironment();
        assertTrue(expected.get("credential-service").contains("QUARKUS_DATASOURCE_PASSWORD"), expected.toString());
        Manifests m = Overlays.rendered(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            Set<String> missing = new TreeSet<>(expected.get(d.getMetadata().getName()));
            missing.removeAll(Pods.environment(d, m).keySet());
            assertTrue(missing.isEmpty(), overlay + " " + d.getMetadata().getName() + " lacks " + missing);
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void keyFilesAreInMountedSecrets(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            Map<String, String> env = Pods.environment(d, m);
            for (String key : List.of("ACCESSPLANE_IDENTITY_SIGNING_KEY_FILES", "ACCESSPLANE_AUDIT_CHECKPOINTS_SIGNING_KEY_FILE")) {
                String files = env.get(key);
                if (files == null) {
                    continue;
                }
                for (String file : files.split(",")) {
                    boolean mounted = Pods.container(d).getVolumeMounts().stream()
                            .filter(vm -> isSecretVolume(d, vm))
                            .anyMatch(vm -> file.startsWith(vm.getMountPath() + "/"));
                    assertTrue(mounted, overlay + " " + d.getMetadata().getName() + ": " + file + " is in no mounted Secret");
                }
            }
        }
    }

    private static boolean isSecretVolume(Deployment d, VolumeMount vm) {
        return Pods.spec(d).getVolumes().stream().anyMatch(v -> v.getName().equals(vm.getName()) && v.getSecret() != null);
    }

    /**
     * The variables {@code start_service} in deploy/local/stack passes, per service: the common
     * {@code env=(...)} list plus the {@code env+=(...)} of {@code if [[ $s == <service> ]]}.
     */
    static Map<String, Set<String>> localStackEnvironment() throws IOException {
        String script = Files.readString(Repo.file("deploy/local/stack"));
        int start = script.indexOf("start_service() {");
        String function = script.substring(start, script.indexOf("\n}\n", start));
        Matcher common = Pattern.compile("(?s)\\benv=\\((.*?)\\n\\s*\\)").matcher(function);
        if (!common.find()) {
            throw new AssertionError("deploy/local/stack: no env=(...) in start_service");
        }
        Set<String> shared = names(common.group(1));
        Map<String, Set<String>> result = new HashMap<>();
        for (String service : Overlays.SERVICES) {
            result.put(service, new TreeSet<>(shared));
        }
        Matcher extra = Pattern.compile("if \\[\\[ \\$s == ([a-z-]+) \\]\\]; then\\s*\\n\\s*env\\+=\\(([^)]*)\\)").matcher(function);
        while (extra.find()) {
            result.get(extra.group(1)).addAll(names(extra.group(2)));
        }
        return result;
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

package io.accessplane.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a Deployment's pods get: their environment and the Secrets they read. */
final class Pods {

    private Pods() {
    }

    /** The pod spec of a Deployment. */
    static PodSpec spec(Deployment d) {
        return d.getSpec().getTemplate().getSpec();
    }

    /** The one container of a Deployment's pods. */
    static Container container(Deployment d) {
        return spec(d).getContainers().get(0);
    }

    /**
     * The container's environment: its own variables (values, or {@code secret:<name>/<key>}) and those
     * of the ConfigMaps it takes whole ({@code envFrom}).
     */
    static Map<String, String> environment(Deployment d, Manifests m) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container(d).getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                env.putAll(m.named(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar v : container(d).getEnv()) {
            if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                env.put(v.getName(), "secret:" + v.getValueFrom().getSecretKeyRef().getName() + "/"
                        + v.getValueFrom().getSecretKeyRef().getKey());
            } else {
                env.put(v.getName(), v.getValue());
            }
        }
        return env;
    }

    /** Every Secret a Deployment's pods read: by variable, whole as environment, or as a volume. */
    static Set<String> secrets(Deployment d) {
        Set<String> names = new TreeSet<>();
        for (Container c : spec(d).getContainers()) {
            c.getEnv().stream().filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                    .forEach(v -> names.add(v.getValueFrom().getSecretKeyRef().getName()));
            c.getEnvFrom().stream().filter(f -> f.getSecretRef() != null).forEach(f -> names.add(f.getSecretRef().getName()));
        }
        for (Volume v : spec(d).getVolumes()) {
            if (v.getSecret() != null) {
                names.add(v.getSecret().getSecretName());
            }
        }
        return names;
    }
}

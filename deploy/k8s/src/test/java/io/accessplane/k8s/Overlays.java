package io.accessplane.k8s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The overlays of deploy/k8s, each rendered by kustomize and parsed once per test run. */
final class Overlays {

    /** Every overlay under deploy/k8s/overlays. */
    static final List<String> ALL = List.of("dev", "prod");

    /** The four services, as named in their Deployments. */
    static final List<String> SERVICES = List.of("credential-service", "keypair-service", "secgroup-service",
            "audit-service");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** {@code kustomize build deploy/k8s/overlays/<name>}, parsed strictly. */
    static Manifests rendered(String name) {
        return RENDERED.computeIfAbsent(name, n -> Manifests.parse(Kustomize.build(n)));
    }
}

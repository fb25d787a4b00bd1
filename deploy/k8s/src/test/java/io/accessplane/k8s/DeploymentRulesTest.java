package io.accessplane.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The rules every service's Deployment keeps in every overlay, and the sizes each overlay sets. */
class DeploymentRulesTest {

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void oneDeploymentPerService(String overlay) {
        Set<String> names = Overlays.rendered(overlay).all(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Overlays.SERVICES), names);
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyDeploymentProbesTheHealthEndpoints(String overlay) {
        for (Deployment d : Overlays.rendered(overlay).all(Deployment.class)) {
            Container c = Pods.container(d);
            String name = overlay + " " + d.getMetadata().getName();
            assertProbe(name + " liveness", c.getLivenessProbe(), "/q/health/live", c);
            assertProbe(name + " readiness", c.getReadinessProbe(), "/q/health/ready", c);
            assertProbe(name + " startup", c.getStartupProbe(), "/q/health/started", c);
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyDeploymentRequestsAndLimitsCpuAndMemory(String overlay) {
        for (Deployment d : Overlays.rendered(overlay).all(Deployment.class)) {
            var resources = Pods.container(d).getResources();
            String name = overlay + " " + d.getMetadata().getName();
            assertNotNull(resources, name);
            for (String r : List.of("cpu", "memory")) {
                assertNotNull(resources.getRequests().get(r), name + " requests " + r);
                assertNotNull(resources.getLimits().get(r), name + " limits " + r);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyDeploymentRunsUnprivilegedOnAReadOnlyRoot(String overlay) {
        for (Deployment d : Overlays.rendered(overlay).all(Deployment.class)) {
            String name = overlay + " " + d.getMetadata().getName();
            PodSecurityContext pod = Pods.spec(d).getSecurityContext();
            for (Container c : Pods.spec(d).getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertNotNull(sc, name + ": container securityContext");
                assertEquals(Boolean.TRUE, first(sc.getRunAsNonRoot(), pod.getRunAsNonRoot()), name + " runAsNonRoot");
                Long uid = first(sc.getRunAsUser(), pod.getRunAsUser());
                assertTrue(uid != null && uid > 0, name + " runAsUser " + uid);
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name + " allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name + " readOnlyRootFilesystem");
                assertTrue(sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL"),
                        name + " capabilities drop ALL");
                var seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
                assertTrue(seccomp != null && "RuntimeDefault".equals(seccomp.getType()), name + " seccomp RuntimeDefault");
                VolumeMount tmp = c.getVolumeMounts().stream().filter(vm -> "/tmp".equals(vm.getMountPath()))
                        .findFirst().orElseThrow(() -> new AssertionError(name + ": nothing mounted at /tmp"));
                Volume volume = Pods.spec(d).getVolumes().stream().filter(v -> v.getName().equals(tmp.getName()))
                        .findFirst().orElseThrow();
                assertNotNull(volume.getEmptyDir(), name + ": /tmp is not an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyDeploymentIsSelectedByANetworkPolicyOfItsOwn(String overlay) {
        Manifests m = Overlays.rendered(overlay);
        for (Deployment d : m.all(Deployment.class)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            boolean selected = m.all(NetworkPolicy.class).stream()
                    .map(p -> p.getSpec().getPodSelector().getMatchLabels())
                    .anyMatch(sel -> sel != null && !sel.isEmpty() && labels.entrySet().containsAll(sel.entrySet()));
            assertTrue(selected, overlay + " " + d.getMetadata().getName() + ": no NetworkPolicy selects its pods");
        }
    }

    @ParameterizedTest
    @FieldSource("io.accessplane.k8s.Overlays#ALL")
    void everyDeploymentRunsTheImageNamedInThePom(String overlay) {
        for (Deployment d : Overlays.rendered(overlay).all(Deployment.class)) {
            String image = Pods.container(d).getImage();
            assertTrue(image.startsWith("ghcr.io/accessplane/" + d.getMetadata().getName() + ":"), image);
        }
    }

    @Test
    void devRunsOneOfEach() {
        for (Deployment d : Overlays.rendered("dev").all(Deployment.class)) {
            assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName());
        }
    }

    @Test
    void prodRunsAtLeastTwoOfEachWithADisruptionBudgetAndAnAutoscaler() {
        Manifests m = Overlays.rendered("prod");
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertTrue(d.getSpec().getReplicas() >= 2, name + " replicas " + d.getSpec().getReplicas());
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = m.all(PodDisruptionBudget.class).stream()
                    .filter(b -> labels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertEquals(1, budgets.size(), name + ": disruption budgets");
            List<HorizontalPodAutoscaler> scalers = m.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            assertEquals(1, scalers.size(), name + ": autoscalers");
            assertTrue(scalers.get(0).getSpec().getMinReplicas() >= 2, name + ": autoscaler may go below 2");
        }
    }

    @Test
    void overlaysPutEverythingInTheirOwnNamespace() {
        for (String overlay : Overlays.ALL) {
            Set<String> namespaces = Overlays.rendered(overlay).all(io.fabric8.kubernetes.api.model.HasMetadata.class)
                    .stream().filter(o -> !(o instanceof io.fabric8.kubernetes.api.model.Namespace))
                    .map(o -> o.getMetadata().getNamespace()).collect(Collectors.toSet());
            assertEquals(1, namespaces.size(), overlay + ": " + namespaces);
            assertFalse(namespaces.contains(null), overlay + ": an object without namespace");
        }
    }

    private static void assertProbe(String what, Probe probe, String path, Container c) {
        assertNotNull(probe, what);
        assertNotNull(probe.getHttpGet(), what + " is not an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath(), what);
        int port = probe.getHttpGet().getPort().getIntVal() != null ? probe.getHttpGet().getPort().getIntVal() : -1;
        assertTrue(c.getPorts().stream().anyMatch(p -> p.getContainerPort() == port), what + " probes port " + port);
    }

    private static <T> T first(T container, T pod) {
        return container != null ? container : pod;
    }
}

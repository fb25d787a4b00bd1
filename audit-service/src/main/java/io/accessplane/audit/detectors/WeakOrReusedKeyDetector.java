package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * D9: a new key pair that is weak or reused. Weak (RSA shorter than 2048 bits, or any DSA key) is
 * Medium: the key itself can be broken. Reused (the same SHA-256 fingerprint already held in
 * another project) is Low: often one person's laptop key, but it joins blast radii. Keeps the
 * fingerprints of live key pairs (an inventory, removed on delete).
 */
final class WeakOrReusedKeyDetector implements Detector {
    private final int minimumRsaBits;
    private final Duration suppression;
    /** fingerprint to key pair id to project. */
    /** Live keys by fingerprint, then by project: the key pair ids (one fingerprint is held by few projects). */
    private final Map<String, Map<String, Set<String>>> holders = new HashMap<>();

    WeakOrReusedKeyDetector(DetectorSettings settings) {
        this.minimumRsaBits = settings.minimumRsaBits();
        this.suppression = settings.findingSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String keypairId = e.target().id();
        String fingerprint = e.text("fingerprint_sha256") != null ? e.text("fingerprint_sha256") : e.text("fingerprint");
        if (e.is("keypair", "deleted")) {
            forget(fingerprint, keypairId);
            return List.of();
        }
        if (!e.is("keypair", "created") || keypairId == null) {
            return List.of();
        }
        List<AlertCandidate> out = new ArrayList<>();
        String algorithm = e.text("algorithm") == null ? "" : e.text("algorithm").toLowerCase(Locale.ROOT);
        Integer bits = EventView.integerOf(e.resource(), "bits");
        boolean weakRsa = algorithm.equals("rsa") && bits != null && bits < minimumRsaBits;
        boolean dsa = algorithm.equals("dsa");
        if (weakRsa || dsa) {
            out.add(new AlertCandidate("D9", "Weak " + algorithm.toUpperCase(Locale.ROOT) + " key pair"
                    + (bits == null ? "" : " (" + bits + " bits)"), Severity.MEDIUM, e.projectId(),
                    "D9:weak:" + keypairId, suppression, List.of(e.id()), e.time(), facts(e, keypairId, fingerprint)
                            .put("algorithm", algorithm).put("bits", bits)
                            .put("minimum_rsa_bits", minimumRsaBits).toMap()));
        }
        if (fingerprint != null) {
            Map<String, Set<String>> byProject = holders.computeIfAbsent(fingerprint, f -> new HashMap<>());
            TreeSet<String> otherProjects = new TreeSet<>();
            byProject.forEach((project, ids) -> {
                if (!project.equals(e.projectId()) && !(ids.size() == 1 && ids.contains(keypairId))) {
                    otherProjects.add(project);
                }
            });
            byProject.computeIfAbsent(e.projectId(), p -> new HashSet<>()).add(keypairId);
            if (!otherProjects.isEmpty()) {
                out.add(new AlertCandidate("D9", "Key pair reused across projects", Severity.LOW, e.projectId(),
                        "D9:reused:" + fingerprint + ":" + e.projectId(), suppression, List.of(e.id()), e.time(),
                        facts(e, keypairId, fingerprint).put("other_projects", List.copyOf(otherProjects)).toMap()));
            }
        }
        return out;
    }

    private static Facts facts(EventView e, String keypairId, String fingerprint) {
        return new Facts().put("keypair_id", keypairId)
                .put("fingerprint", fingerprint)
                .put("generated", e.resource().path("generated").isBoolean() ? e.resource().path("generated").asBoolean()
                        : null)
                .put("actor", e.actor())
                .put("owner_user_id", e.target().ownerUserId());
    }

    private void forget(String fingerprint, String keypairId) {
        if (fingerprint == null || keypairId == null) {
            return;
        }
        Map<String, Set<String>> byProject = holders.get(fingerprint);
        if (byProject != null) {
            byProject.values().forEach(ids -> ids.remove(keypairId));
            byProject.values().removeIf(Set::isEmpty);
            if (byProject.isEmpty()) {
                holders.remove(fingerprint);
            }
        }
    }
}

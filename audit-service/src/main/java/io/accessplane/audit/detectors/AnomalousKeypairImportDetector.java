package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D8: an imported (not generated) key pair that is unusual for its actor (GuardDuty Persistence,
 * ImportKeyPair). Two new terms over the import history (90 days):
 * <ul>
 * <li><b>established actor's first import</b>: the actor has imported nothing in the history but has
 * been active (any event) for at least the learning period. A brand-new user importing a key in
 * their first week is onboarding, not persistence, so it is not flagged;</li>
 * <li><b>new network</b>: the actor has imported before, but never from this ASN (only when the
 * network table knows the address).</li>
 * </ul>
 * Nothing fires until the engine itself has observed the learning period (7 days), so the first
 * actions of a new deployment (or of a freshly rebuilt engine on a short log) do not alert.
 */
final class AnomalousKeypairImportDetector implements Detector {
    private static final String ACTIVE = "active";
    private static final String IMPORT = "import";

    private final ObservationSpan span;
    private final NetworkTable networks;
    private final Duration learning;
    private final Duration suppression;
    private final NewTermMemory activity;
    private final NewTermMemory imports;

    AnomalousKeypairImportDetector(ObservationSpan span, DetectorSettings settings) {
        this.span = span;
        this.networks = settings.networks();
        this.learning = settings.learningPeriod();
        this.suppression = settings.findingSuppression();
        this.activity = new NewTermMemory(settings.keypairImportHistory());
        this.imports = new NewTermMemory(settings.keypairImportHistory());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (!e.byUser()) {
            return List.of();
        }
        String actor = e.actor();
        activity.record(actor, ACTIVE, e.time());
        if (!e.is("keypair", "created") || e.resource().path("generated").asBoolean(true)) {
            return List.of();
        }
        Optional<NetworkEntry> network = networks.lookup(e.sourceAddress());
        String asnTerm = network.map(n -> "asn:" + n.asn()).orElse(null);
        boolean importedBefore = imports.seenBefore(actor, IMPORT, e.time());
        boolean asnKnown = asnTerm != null && imports.seenBefore(actor, asnTerm, e.time());
        imports.record(actor, IMPORT, e.time());
        if (asnTerm != null) {
            imports.record(actor, asnTerm, e.time());
        }
        if (!span.learned(e.time(), learning)) {
            return List.of();
        }
        String reason;
        String dedupKey;
        if (!importedBefore) {
            Optional<Instant> firstSeen = activity.firstSeen(actor);
            boolean established = firstSeen.isPresent()
                    && Duration.between(firstSeen.get(), e.time()).compareTo(learning) >= 0;
            if (!established) {
                return List.of();
            }
            reason = "first_import_by_established_actor";
            dedupKey = "D8:" + actor;
        } else if (asnTerm != null && !asnKnown) {
            reason = "import_from_new_asn";
            dedupKey = "D8:" + actor + ":AS" + network.get().asn();
        } else {
            return List.of();
        }
        return List.of(new AlertCandidate("D8", "Unusual key pair import by " + actor, Severity.MEDIUM, e.projectId(),
                dedupKey, suppression, List.of(e.id()), e.time(), new Facts()
                        .put("reason", reason)
                        .put("actor", actor)
                        .put("keypair_id", e.target().id())
                        .put("fingerprint_sha256", e.text("fingerprint_sha256"))
                        .put("source_address", e.sourceAddress())
                        .put("asn", network.map(NetworkEntry::asn).orElse(null))
                        .put("country", network.map(NetworkEntry::country).orElse(null))
                        .put("actor_first_seen", activity.firstSeen(actor).map(Instant::toString).orElse(null))
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        activity.forgetBefore(horizon);
        imports.forgetBefore(horizon);
    }
}

package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D13: an application credential mints a token from an address it has not used in the last 10 days
 * (Elastic new-terms on [key, IP]), while it has been used from elsewhere in that time. A
 * credential's very first use is D20's business, not this one's; nothing fires during the engine's
 * learning period. Details say whether the ASN is new as well.
 */
final class NewCredentialSourceDetector implements Detector {
    private final ObservationSpan span;
    private final NetworkTable networks;
    private final IdentityDirectory directory;
    private final Duration learning;
    private final Duration suppression;
    private final NewTermMemory sources;

    NewCredentialSourceDetector(ObservationSpan span, IdentityDirectory directory, DetectorSettings settings) {
        this.span = span;
        this.directory = directory;
        this.networks = settings.networks();
        this.learning = settings.learningPeriod();
        this.suppression = settings.findingSuppression();
        this.sources = new NewTermMemory(settings.credentialSourceHistory());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String cred = e.applicationCredentialId();
        String ip = e.sourceAddress();
        if (!e.is("token", "issued") || cred == null || ip == null) {
            return List.of();
        }
        Optional<NetworkEntry> network = networks.lookup(ip);
        String ipTerm = "ip:" + ip;
        String asnTerm = network.map(n -> "asn:" + n.asn()).orElse(null);
        boolean usedBefore = sources.anySeenBefore(cred, e.time());
        boolean ipKnown = sources.seenBefore(cred, ipTerm, e.time());
        boolean asnKnown = asnTerm != null && sources.seenBefore(cred, asnTerm, e.time());
        sources.record(cred, ipTerm, e.time());
        if (asnTerm != null) {
            sources.record(cred, asnTerm, e.time());
        }
        if (!usedBefore || ipKnown || !span.learned(e.time(), learning)) {
            return List.of();
        }
        String project = directory.projectOf(cred).orElse(e.projectId());
        return List.of(new AlertCandidate("D13", "Application credential used from a new address " + ip, Severity.MEDIUM,
                project, "D13:" + cred + ":" + ip, suppression, List.of(e.id()), e.time(), new Facts()
                        .put("credential_id", cred)
                        .put("source_address", ip)
                        .put("asn", network.map(NetworkEntry::asn).orElse(null))
                        .put("country", network.map(NetworkEntry::country).orElse(null))
                        .put("asn_new", asnTerm == null ? null : !asnKnown)
                        .put("user_agent", e.userAgent())
                        .put("actor", e.actor())
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        sources.forgetBefore(horizon);
    }
}

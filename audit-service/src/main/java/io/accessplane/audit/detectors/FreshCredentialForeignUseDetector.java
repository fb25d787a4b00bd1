package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * D20: within an hour of its creation, an application credential mints a token from an address its
 * creator has not used (GuardDuty Persistence: a credential made to be taken elsewhere). Foreign
 * means the creator has not acted from this IP in the last 10 days and, when the network table
 * knows it, not from its ASN either (a new address in the creator's own network is not foreign).
 * Every user's addresses are remembered from all events they initiate.
 */
final class FreshCredentialForeignUseDetector implements Detector {
    private final IdentityDirectory directory;
    private final NetworkTable networks;
    private final Duration freshWindow;
    private final Duration suppression;
    private final NewTermMemory addresses;

    FreshCredentialForeignUseDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.networks = settings.networks();
        this.freshWindow = settings.freshCredentialWindow();
        this.suppression = settings.findingSuppression();
        this.addresses = new NewTermMemory(settings.credentialSourceHistory());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String ip = e.sourceAddress();
        if (ip == null) {
            return List.of();
        }
        Optional<NetworkEntry> network = networks.lookup(ip);
        List<AlertCandidate> out = judge(e, ip, network);
        if (e.byUser()) {
            addresses.record(e.actor(), "ip:" + ip, e.time());
            network.ifPresent(n -> addresses.record(e.actor(), "asn:" + n.asn(), e.time()));
        }
        return out;
    }

    private List<AlertCandidate> judge(EventView e, String ip, Optional<NetworkEntry> network) {
        String cred = e.applicationCredentialId();
        if (!e.is("token", "issued") || cred == null) {
            return List.of();
        }
        Optional<IdentityDirectory.Credential> found = directory.credential(cred);
        if (found.isEmpty() || found.get().creatorUserId() == null
                || found.get().creatorUserId().startsWith(EventView.SYSTEM_ACTOR_PREFIX)) {
            return List.of();
        }
        IdentityDirectory.Credential c = found.get();
        Duration age = Duration.between(c.createdAt(), e.time());
        if (age.isNegative() || age.compareTo(freshWindow) > 0) {
            return List.of();
        }
        String creator = c.creatorUserId();
        boolean ipUsed = addresses.seenBefore(creator, "ip:" + ip, e.time());
        boolean asnUsed = network.isPresent() && addresses.seenBefore(creator, "asn:" + network.get().asn(), e.time());
        if (ipUsed || asnUsed) {
            return List.of();
        }
        return List.of(new AlertCandidate("D20", "New application credential used from " + ip
                + " " + age.toMinutes() + " min after creation, an address its creator never used", Severity.HIGH,
                c.projectId(), "D20:" + cred, suppression, List.of(c.createdEventId(), e.id()), e.time(), new Facts()
                        .put("credential_id", cred)
                        .put("creator_user_id", creator)
                        .put("owner_user_id", c.ownerUserId())
                        .put("created_at", c.createdAt().toString())
                        .put("minutes_after_creation", age.toMinutes())
                        .put("source_address", ip)
                        .put("asn", network.map(NetworkEntry::asn).orElse(null))
                        .put("country", network.map(NetworkEntry::country).orElse(null))
                        .put("user_agent", e.userAgent())
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        addresses.forgetBefore(horizon);
    }
}

package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * D23: a request from a Tor exit or a threat-intelligence address (High), or with a
 * penetration-testing tool in its user agent (Medium) (GuardDuty TorIPCaller, MaliciousIPCaller,
 * PenTest). Any event with a source address or user agent counts, failures included; system
 * actors are skipped.
 */
final class HostileSourceDetector implements Detector {
    private final AddressSet torExits;
    private final AddressSet threatIntel;
    private final List<String> pentestMarkers;
    private final Duration suppression;
    private final FiringMemory fired = new FiringMemory();

    HostileSourceDetector(DetectorSettings settings) {
        this.torExits = new AddressSet(settings.torExitAddresses());
        this.threatIntel = new AddressSet(settings.threatIntelAddresses());
        this.pentestMarkers = settings.pentestUserAgents();
        this.suppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        if (e.bySystem()) {
            return List.of();
        }
        List<AlertCandidate> out = new ArrayList<>();
        String ip = e.sourceAddress();
        if (ip != null) {
            torExits.match(ip).flatMap(entry -> candidate(e, "tor", "Request from Tor exit " + ip, Severity.HIGH,
                    "D23:tor:" + ip, new Facts().put("list_entry", entry))).ifPresent(out::add);
            threatIntel.match(ip).flatMap(entry -> candidate(e, "threat_intel", "Request from threat-intel address " + ip,
                    Severity.HIGH, "D23:threat-intel:" + ip, new Facts().put("list_entry", entry))).ifPresent(out::add);
        }
        String agent = e.userAgent();
        if (agent != null) {
            String lower = agent.toLowerCase(Locale.ROOT);
            for (String marker : pentestMarkers) {
                if (lower.contains(marker)) {
                    String who = e.actor() != null ? e.actor() : String.valueOf(ip);
                    candidate(e, "pentest_user_agent", "Penetration-testing tool (" + marker + ") in user agent",
                            Severity.MEDIUM, "D23:pentest-tool:" + who + ":" + marker,
                            new Facts().put("marker", marker).put("user_agent", agent)).ifPresent(out::add);
                    break;
                }
            }
        }
        return out;
    }

    private Optional<AlertCandidate> candidate(EventView e, String kind, String title, Severity severity,
            String dedupKey, Facts facts) {
        if (!fired.fire(dedupKey, e.time(), suppression)) {
            return Optional.empty();
        }
        return Optional.of(new AlertCandidate("D23", title, severity, e.projectId(), dedupKey, suppression,
                List.of(e.id()), e.time(), facts
                        .put("kind", kind)
                        .put("source_address", e.sourceAddress())
                        .put("actor", e.actor())
                        .put("event_type", e.raw().type())
                        .put("outcome", e.failed() ? "failure" : "success")
                        .toMap()));
    }

    @Override
    public void forgetBefore(Instant horizon) {
        fired.forgetBefore(horizon);
    }
}

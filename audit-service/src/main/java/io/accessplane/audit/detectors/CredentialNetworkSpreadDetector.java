package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * D14: one application credential mints tokens from at least 3 ASNs or 3 countries within an hour,
 * or from two places further apart than 1000 km/h of travel allows (GuardDuty
 * InstanceCredentialExfiltration). Addresses the network table does not know are not counted;
 * travel needs locations in the table and ignores hops under the minimum distance. Keeps at most
 * {@value #LOCATIONS_PER_CREDENTIAL} recent located uses per credential.
 */
final class CredentialNetworkSpreadDetector implements Detector {
    static final int LOCATIONS_PER_CREDENTIAL = 16;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final NetworkTable networks;
    private final IdentityDirectory directory;
    private final RateThreshold spread;
    private final double maxKmh;
    private final double minimumKm;
    private final Duration travelWindow;
    private final Duration suppression;
    private final DistinctWindow asns;
    private final DistinctWindow countries;
    private final Map<String, Deque<LocatedUse>> located = new HashMap<>();
    private final FiringMemory fired = new FiringMemory();
    private Instant lastSweep;

    /** Where and when a credential was used. */
    private record LocatedUse(Instant at, String ip, NetworkEntry network, String eventId) {
    }

    CredentialNetworkSpreadDetector(IdentityDirectory directory, DetectorSettings settings) {
        this.directory = directory;
        this.networks = settings.networks();
        this.spread = settings.networkSpread();
        this.maxKmh = settings.impossibleTravelKmh();
        this.minimumKm = settings.impossibleTravelMinimumKm();
        this.travelWindow = settings.impossibleTravelWindow();
        this.suppression = settings.rateSuppression();
        this.asns = new DistinctWindow(spread.window(), settings.allowedLateness());
        this.countries = new DistinctWindow(spread.window(), settings.allowedLateness());
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        String cred = e.applicationCredentialId();
        if (!e.is("token", "issued") || cred == null) {
            return List.of();
        }
        Optional<NetworkEntry> found = networks.lookup(e.sourceAddress());
        if (found.isEmpty()) {
            return List.of();
        }
        NetworkEntry network = found.get();
        String project = directory.projectOf(cred).orElse(e.projectId());
        List<AlertCandidate> out = new ArrayList<>();
        Burst byAsn = asns.add(cred, e.time(), "AS" + network.asn(), e.id());
        Burst byCountry = countries.add(cred, e.time(), network.country(), e.id());
        Burst wider = byAsn.count() >= byCountry.count() ? byAsn : byCountry;
        if (wider.count() >= spread.count() && fired.fire("D14:spread:" + cred, e.time(), suppression)) {
            out.add(new AlertCandidate("D14", "Application credential used from " + byAsn.count() + " networks / "
                    + byCountry.count() + " countries within " + spread.window().toMinutes() + " min", Severity.HIGH,
                    project, "D14:spread:" + cred, suppression, wider.eventIds(), e.time(), new Facts()
                            .put("credential_id", cred)
                            .put("asns", List.copyOf(byAsn.values()))
                            .put("countries", List.copyOf(byCountry.values()))
                            .put("threshold", spread.count())
                            .put("window_minutes", spread.window().toMinutes())
                            .toMap()));
        }
        if (network.hasLocation()) {
            LocatedUse use = new LocatedUse(e.time(), e.sourceAddress(), network, e.id());
            travel(cred, project, use).ifPresent(out::add);
            Deque<LocatedUse> uses = located.computeIfAbsent(cred, c -> new ArrayDeque<>());
            uses.addLast(use);
            while (uses.size() > LOCATIONS_PER_CREDENTIAL) {
                uses.removeFirst();
            }
        }
        sweep(e.time());
        return out;
    }

    private Optional<AlertCandidate> travel(String cred, String project, LocatedUse now) {
        for (LocatedUse before : located.getOrDefault(cred, new ArrayDeque<>())) {
            Duration apart = Duration.between(before.at(), now.at()).abs();
            if (apart.compareTo(travelWindow) > 0) {
                continue;
            }
            double km = distanceKm(before.network(), now.network());
            double hours = apart.toMillis() / 3_600_000.0;
            double kmh = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
            if (km < minimumKm || kmh <= maxKmh) {
                continue;
            }
            String dedupKey = "D14:travel:" + cred;
            if (!fired.fire(dedupKey, now.at(), suppression)) {
                return Optional.empty();
            }
            return Optional.of(new AlertCandidate("D14", "Impossible travel: " + Math.round(km) + " km in "
                    + apart.toMinutes() + " min", Severity.HIGH, project, dedupKey, suppression,
                    List.of(before.eventId(), now.eventId()), now.at(), new Facts()
                            .put("credential_id", cred)
                            .put("from_address", before.ip())
                            .put("from_country", before.network().country())
                            .put("from_asn", before.network().asn())
                            .put("to_address", now.ip())
                            .put("to_country", now.network().country())
                            .put("to_asn", now.network().asn())
                            .put("distance_km", Math.round(km))
                            .put("seconds_apart", apart.toSeconds())
                            .put("speed_kmh", Double.isInfinite(kmh) ? "infinite" : (Object) Math.round(kmh))
                            .put("max_kmh", maxKmh)
                            .toMap()));
        }
        return Optional.empty();
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(NetworkEntry a, NetworkEntry b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private void sweep(Instant latest) {
        if (lastSweep != null && Duration.between(lastSweep, latest).compareTo(travelWindow) < 0) {
            return;
        }
        lastSweep = latest;
        forgetLocationsBefore(latest.minus(travelWindow));
    }

    private void forgetLocationsBefore(Instant horizon) {
        located.values().removeIf(uses -> {
            uses.removeIf(u -> u.at().isBefore(horizon));
            return uses.isEmpty();
        });
    }

    @Override
    public void forgetBefore(Instant horizon) {
        asns.forgetBefore(horizon);
        countries.forgetBefore(horizon);
        forgetLocationsBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

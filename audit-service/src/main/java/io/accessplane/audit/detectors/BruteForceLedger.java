package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where D15 (brute force) and D17 (spraying) record each time their condition holds, so D16 can
 * tell a success that follows one: a D15 episode is matched by its credential (from any address),
 * a D17 episode by its source address (the sprayed credentials are listed, not matched: a sprayed
 * user logging in from their usual place is not the attacker). Episodes of one subject closer than a minute are merged, so an
 * ongoing attack costs one entry per minute; entries older than the horizon are dropped.
 */
final class BruteForceLedger {
    private static final Duration MERGE = Duration.ofMinutes(1);

    /**
     * A moment at which an attack condition held.
     *
     * @param detector    {@code D15} or {@code D17}
     * @param subject     the credential key (D15) or the source address (D17)
     * @param at          the last failure of the window that met the threshold
     * @param credentials the credential keys attacked
     * @param address     the attacking address (D17), or null
     * @param eventIds    the failures
     */
    record Episode(String detector, String subject, Instant at, Set<String> credentials, String address,
            List<String> eventIds) {

        /** Whether a success is matched by credential (D15) rather than by address (D17). */
        boolean matchesByCredential() {
            return "D15".equals(detector);
        }
    }

    private final Map<String, TreeMap<Instant, Episode>> byCredential = new HashMap<>();
    private final Map<String, TreeMap<Instant, Episode>> byAddress = new HashMap<>();
    private final Map<String, Instant> lastOfSubject = new HashMap<>();
    private final List<Episode> fresh = new ArrayList<>();

    /** Records that a condition held; merged into the subject's previous episode when within a minute. */
    void established(Episode e) {
        String subject = e.detector() + ":" + e.subject();
        Instant last = lastOfSubject.get(subject);
        if (last != null && Duration.between(last, e.at()).abs().compareTo(MERGE) < 0) {
            return;
        }
        lastOfSubject.merge(subject, e.at(), (a, b) -> a.isAfter(b) ? a : b);
        if (e.matchesByCredential()) {
            for (String credential : e.credentials()) {
                byCredential.computeIfAbsent(credential, k -> new TreeMap<>()).put(e.at(), e);
            }
        }
        if (e.address() != null) {
            byAddress.computeIfAbsent(e.address(), k -> new TreeMap<>()).put(e.at(), e);
        }
        fresh.add(e);
    }

    /** The episodes recorded since the last call. */
    List<Episode> takeFresh() {
        List<Episode> out = List.copyOf(fresh);
        fresh.clear();
        return out;
    }

    /**
     * Episodes a success may follow: a brute force on this credential, or spraying from this
     * address, that happened at most {@code window} before it.
     */
    List<Episode> preceding(String credentialKey, String address, Instant success, Duration window) {
        Set<Episode> out = new LinkedHashSet<>();
        collect(byCredential.get(credentialKey), success, window, out);
        collect(byAddress.get(address), success, window, out);
        return List.copyOf(out);
    }

    private static void collect(TreeMap<Instant, Episode> episodes, Instant success, Duration window, Set<Episode> out) {
        if (episodes != null) {
            out.addAll(episodes.subMap(success.minus(window), true, success, true).values());
        }
    }

    /** Drops episodes before the horizon. */
    void forgetBefore(Instant horizon) {
        prune(byCredential, horizon);
        prune(byAddress, horizon);
        lastOfSubject.values().removeIf(t -> t.isBefore(horizon));
    }

    private static void prune(Map<String, TreeMap<Instant, Episode>> index, Instant horizon) {
        index.values().removeIf(m -> {
            m.headMap(horizon, false).clear();
            return m.isEmpty();
        });
    }
}

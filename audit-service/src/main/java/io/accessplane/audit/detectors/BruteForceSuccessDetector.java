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
 * D16: a token is issued within 10 minutes after a brute force (D15) on the same credential (from
 * any address), or after spraying (D17) from the same address. Failures carry
 * no project ({@code partitionkey "-"}) while tokens do, so the two can arrive in either order:
 * recent successes are kept for the allowed lateness (at most {@value #PER_KEY} per credential and
 * per address) and matched against episodes recorded after them.
 */
final class BruteForceSuccessDetector implements Detector {
    static final int PER_KEY = 32;

    private final BruteForceLedger ledger;
    private final IdentityDirectory directory;
    private final Duration window;
    private final Duration keep;
    private final Duration suppression;
    private final Map<String, Deque<Success>> byCredential = new HashMap<>();
    private final Map<String, Deque<Success>> byAddress = new HashMap<>();
    private final FiringMemory fired = new FiringMemory();
    private Instant lastSweep;

    /** A token issue. */
    private record Success(String credential, String address, Instant at, String eventId, String project) {
    }

    BruteForceSuccessDetector(BruteForceLedger ledger, IdentityDirectory directory, DetectorSettings settings) {
        this.ledger = ledger;
        this.directory = directory;
        this.window = settings.successAfterBruteForceWindow();
        this.keep = settings.successAfterBruteForceWindow().plus(settings.allowedLateness());
        this.suppression = settings.rateSuppression();
    }

    @Override
    public List<AlertCandidate> observe(EventView e) {
        List<AlertCandidate> out = new ArrayList<>();
        for (BruteForceLedger.Episode episode : ledger.takeFresh()) {
            for (Success s : successesAfter(episode)) {
                fire(episode, s).ifPresent(out::add);
            }
        }
        String credential = e.credentialKey();
        if (e.is("token", "issued") && credential != null) {
            Success s = new Success(credential, e.sourceAddress(), e.time(), e.id(), e.projectId());
            for (BruteForceLedger.Episode episode : ledger.preceding(credential, s.address(), s.at(), window)) {
                fire(episode, s).ifPresent(out::add);
            }
            remember(byCredential, credential, s);
            if (s.address() != null) {
                remember(byAddress, s.address(), s);
            }
            sweep(s.at());
        }
        return out;
    }

    private List<Success> successesAfter(BruteForceLedger.Episode episode) {
        List<Success> out = new ArrayList<>();
        List<Deque<Success>> lists = new ArrayList<>();
        if (episode.matchesByCredential()) {
            for (String credential : episode.credentials()) {
                lists.add(byCredential.get(credential));
            }
        } else if (episode.address() != null) {
            lists.add(byAddress.get(episode.address()));
        }
        for (Deque<Success> list : lists) {
            if (list == null) {
                continue;
            }
            for (Success s : list) {
                Duration after = Duration.between(episode.at(), s.at());
                if (!after.isNegative() && after.compareTo(window) <= 0 && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private Optional<AlertCandidate> fire(BruteForceLedger.Episode episode, Success s) {
        String dedupKey = "D16:" + s.credential();
        if (!fired.fire(dedupKey, s.at(), suppression)) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>(episode.eventIds());
        ids.add(0, s.eventId());
        return Optional.of(new AlertCandidate("D16", "Successful authentication on " + s.credential()
                + " after " + (episode.detector().equals("D15") ? "brute force" : "spraying from " + episode.address()),
                Severity.HIGH, directory.projectOf(s.credential()).orElse(s.project()), dedupKey, suppression, ids, s.at(),
                new Facts()
                        .put("credential", s.credential())
                        .put("success_address", s.address())
                        .put("success_at", s.at().toString())
                        .put("after", episode.detector())
                        .put("attack_address", episode.address())
                        .put("attack_last_failure", episode.at().toString())
                        .put("seconds_after_attack", Duration.between(episode.at(), s.at()).toSeconds())
                        .toMap()));
    }

    private void remember(Map<String, Deque<Success>> index, String key, Success s) {
        Deque<Success> list = index.computeIfAbsent(key, k -> new ArrayDeque<>());
        list.addLast(s);
        Instant horizon = s.at().minus(keep);
        while (list.size() > PER_KEY || (!list.isEmpty() && list.peekFirst().at().isBefore(horizon))) {
            list.removeFirst();
        }
    }

    /** Now and then drops successes too old to match, so quiet keys do not pile up. */
    private void sweep(Instant latest) {
        if (lastSweep != null && Duration.between(lastSweep, latest).compareTo(keep) < 0) {
            return;
        }
        lastSweep = latest;
        forgetSuccessesBefore(latest.minus(keep));
        ledger.forgetBefore(latest.minus(keep));
    }

    private void forgetSuccessesBefore(Instant horizon) {
        for (Map<String, Deque<Success>> index : List.of(byCredential, byAddress)) {
            index.values().removeIf(list -> {
                list.removeIf(s -> s.at().isBefore(horizon));
                return list.isEmpty();
            });
        }
    }

    @Override
    public void forgetBefore(Instant horizon) {
        forgetSuccessesBefore(horizon);
        ledger.forgetBefore(horizon);
        fired.forgetBefore(horizon);
    }
}

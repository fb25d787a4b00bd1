package io.accessplane.audit.detectors;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An engine, an event builder, and everything the engine raised, for detector tests. */
final class Harness {
    final TestEvents events = new TestEvents();
    final DetectorEngine engine;
    final List<AlertCandidate> raised = new ArrayList<>();

    Harness() {
        this(DetectorSettings.defaults());
    }

    Harness(DetectorSettings settings) {
        this.engine = new DetectorEngine(settings);
    }

    /** Feeds one event; returns what it raised. */
    List<AlertCandidate> feed(TestEvents.Ev event) {
        List<AlertCandidate> out = engine.observe(event.build());
        raised.addAll(out);
        return out;
    }

    /** Ticks; returns what it raised. */
    List<AlertCandidate> tick(Instant now) {
        List<AlertCandidate> out = engine.tick(now);
        raised.addAll(out);
        return out;
    }

    /** Everything raised so far by one detector. */
    List<AlertCandidate> raised(String detector) {
        return only(raised, detector);
    }

    /** The candidates of one detector. */
    static List<AlertCandidate> only(List<AlertCandidate> candidates, String detector) {
        return candidates.stream().filter(c -> c.detector().equals(detector)).toList();
    }

    /**
     * Lets the engine observe a harmless event (a project created by the admin, from 127.0.0.1)
     * this long before {@link TestEvents#T0}, so learning periods are over at T0.
     */
    Harness learned(Duration before) {
        feed(events.of("io.accessplane.project.created.v1").at(TestEvents.T0.minus(before)));
        raised.clear();
        return this;
    }

    /** {@link #learned(Duration)} with 8 days. */
    Harness learned() {
        return learned(Duration.ofDays(8));
    }
}

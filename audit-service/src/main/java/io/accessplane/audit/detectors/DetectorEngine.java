package io.accessplane.audit.detectors;

import io.accessplane.platform.events.CloudEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs detectors D1-D24 over the whole event stream: one instance sees every event of every
 * project and keeps all their state in memory.
 *
 * <p><b>Not thread-safe</b>: call {@link #observe}, {@link #tick} and {@link #forgetBefore} from
 * one thread (or under one lock).
 *
 * <p>Time: every window is in event time ({@link CloudEvent#time()}); events may arrive up to the
 * allowed lateness (5 min) late and out of order across projects. Only {@link #tick} looks at the
 * wall clock, through its {@code now}.
 *
 * <p>Rebuilding: all state derives from observed events, so after a restart replay the stored log
 * oldest first through {@link #observe}, discard the candidates, then continue live. Feed each
 * {@code (source, id)} at most once. New-term detectors (D5, D8, D13) stay silent until the
 * engine has observed the learning period, and baselines need their minimum history, so a replay
 * shorter than that makes them quiet, never noisy.
 *
 * <p>Memory: windows prune themselves as event time moves on; call {@link #forgetBefore} with
 * {@code now - settings.retention()} now and then (e.g. hourly) to drop the rest. Inventories
 * (live credentials, live key fingerprints, known users) are kept while the resources live.
 */
public final class DetectorEngine {
    private final DetectorSettings settings;
    private final IdentityDirectory directory = new IdentityDirectory();
    private final ObservationSpan span = new ObservationSpan();
    private final BruteForceLedger ledger = new BruteForceLedger();
    private final SequenceTracker sequences;
    private final List<Detector> detectors;

    /** An engine with the given settings. */
    public DetectorEngine(DetectorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sequences = new SequenceTracker(settings.sequenceGapGrace());
        RuleExposure exposure = new RuleExposure(settings);
        // order matters: D15 and D17 record episodes that D16 reads on the same event
        this.detectors = List.of(
                new WorldOpenAdminPortDetector(exposure, settings),
                new WorldOpenHighRiskPortDetector(exposure, settings),
                new WorldOpenUnlistedPortDetector(exposure, settings),
                new AllTrafficRuleDetector(exposure, settings),
                new FirstTimeSecurityGroupWriterDetector(exposure, span, settings),
                new OpenThenRevertDetector(exposure, settings),
                new SecurityGroupChangeRateDetector(settings),
                new AnomalousKeypairImportDetector(span, settings),
                new WeakOrReusedKeyDetector(settings),
                new MassDeletionDetector(settings),
                new OverPrivilegedCredentialDetector(settings),
                new StaleCredentialDetector(directory, settings),
                new NewCredentialSourceDetector(span, directory, settings),
                new CredentialNetworkSpreadDetector(directory, settings),
                new CredentialBruteForceDetector(ledger, directory, settings),
                new CredentialSprayingDetector(ledger, settings),
                new BruteForceSuccessDetector(ledger, directory, settings),
                new AuthenticationErrorRateDetector(directory, settings),
                new TokenMintingBurstDetector(directory, settings),
                new FreshCredentialForeignUseDetector(directory, settings),
                new CredentialForAnotherUserDetector(settings),
                new DeadCredentialUseDetector(directory, settings),
                new HostileSourceDetector(settings),
                new AuditBlindSpotDetector(sequences, settings));
    }

    /** Judges one newly stored event; returns the findings it raises (often none). */
    public List<AlertCandidate> observe(CloudEvent event) {
        EventView view = new EventView(event);
        span.observe(event.time());
        directory.observe(view);
        List<AlertCandidate> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.observe(view));
        }
        return out;
    }

    /**
     * Time-driven checks at wall-clock {@code now}: stale credentials (D12), sequence gaps past
     * their grace and silent producers (D24). Each condition is reported once (D12 again weekly
     * while it holds).
     */
    public List<AlertCandidate> tick(Instant now) {
        List<AlertCandidate> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.tick(now));
        }
        return out;
    }

    /** Drops state older than the horizon (use {@code now - settings().retention()}). */
    public void forgetBefore(Instant horizon) {
        directory.forgetBefore(horizon);
        ledger.forgetBefore(horizon);
        for (Detector d : detectors) {
            d.forgetBefore(horizon);
        }
    }

    /** The sequence tracker of D24, to seed persisted watermarks or read them for persisting. */
    public SequenceTracker sequences() {
        return sequences;
    }

    /** The settings in force. */
    public DetectorSettings settings() {
        return settings;
    }
}

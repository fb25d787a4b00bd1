package io.accessplane.audit.detectors;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every list, threshold and window the detectors use, with the values of audit-anchors.md
 * section 6 as {@link #defaults()}. Change values with {@link #toBuilder()}.
 *
 * @param adminPorts D1: ports whose exposure to the world is an admin-port finding (EC2.13/14).
 * @param highRiskPorts D2: the fixed EC2.19 high-risk port list.
 * @param allowedPorts D3: ports tenants may open to the world (EC2.18 {@code authorizedTcpPorts}).
 * @param allowedPortsByProject D3: per-project replacement of {@link #allowedPorts}.
 * @param revertWindow D6: a world-open rule removed within this long of its creation is open-then-revert.
 * @param learningPeriod D5, D8, D13: new-term detectors stay silent until the engine has observed this much event time.
 * @param securityGroupWriterHistory D5: an actor without security group writes in this long is a first-time modifier.
 * @param keypairImportHistory D8: import history kept per actor and per (actor, ASN).
 * @param credentialSourceHistory D13, D20: how long a (credential, address) or (creator, address) pair stays known.
 * @param baselineWindow D7, D18, D19: the rolling baseline window.
 * @param baselineMinimumHistory D7, D18, D19: no baseline finding before a series has this much history.
 * @param baselineSigmas D7, D18, D19: standard deviations above the mean that make a spike.
 * @param baselineMinimumEvents D7, D18, D19: a spiking minute also needs at least this many events (failures for D18).
 * @param failureRatioSigmaFloor D18: the smallest standard deviation assumed for a failure-ratio series.
 * @param minimumRsaBits D9: RSA keys shorter than this are weak.
 * @param massDeletion D10: key pair or credential deletions per actor.
 * @param credentialMaxAge D12: a live credential older than this is stale (IAM.3).
 * @param credentialMaxUnused D12: a live credential unused for this long is stale (IAM.22).
 * @param networkSpread D14: distinct ASNs or countries one credential is used from.
 * @param impossibleTravelKmh D14: faster than this between two uses of one credential is impossible travel.
 * @param impossibleTravelMinimumKm D14: shorter hops are ignored (geolocation is not that precise).
 * @param impossibleTravelWindow D14: uses further apart than this are not compared.
 * @param bruteForce D15: failed authentications per credential.
 * @param successAfterBruteForceWindow D16: a success this soon after D15/D17 is a brute force that worked.
 * @param spraying D17: distinct credentials one address fails on.
 * @param tokenBurst D19: tokens minted per application credential.
 * @param freshCredentialWindow D20: how long after creation a use from a foreign address is suspicious.
 * @param automationCreators D21: user ids allowed to mint credentials for other users.
 * @param torExitAddresses D23: Tor exit addresses or prefixes.
 * @param threatIntelAddresses D23: threat-intelligence addresses or prefixes.
 * @param pentestUserAgents D23: user-agent substrings of penetration-testing tools, matched case-insensitively.
 * @param networks D8, D13, D14, D20: address to ASN, country and location.
 * @param producerSilence D24: a seen source with no event for this long is silent.
 * @param sequenceGapGrace D24: a missing sequence number is a gap once a later one was seen this long ago.
 * @param allowedLateness How late (in event time) an event may arrive and still be judged with its peers.
 * @param rateSuppression Suppression of rate and burst findings (D7, D10, D14-D19, D22, D23, D24 silence).
 * @param findingSuppression Suppression of static findings (D1-D6, D8, D9, D11, D13, D20, D21, D24 gaps and resets).
 * @param staleCredentialSuppression D12: how often a stale credential is reported again.
 */
public record DetectorSettings(
        Set<Integer> adminPorts,
        Set<Integer> highRiskPorts,
        Set<Integer> allowedPorts,
        Map<String, Set<Integer>> allowedPortsByProject,
        Duration revertWindow,
        Duration learningPeriod,
        Duration securityGroupWriterHistory,
        Duration keypairImportHistory,
        Duration credentialSourceHistory,
        Duration baselineWindow,
        Duration baselineMinimumHistory,
        double baselineSigmas,
        int baselineMinimumEvents,
        double failureRatioSigmaFloor,
        int minimumRsaBits,
        RateThreshold massDeletion,
        Duration credentialMaxAge,
        Duration credentialMaxUnused,
        RateThreshold networkSpread,
        double impossibleTravelKmh,
        double impossibleTravelMinimumKm,
        Duration impossibleTravelWindow,
        RateThreshold bruteForce,
        Duration successAfterBruteForceWindow,
        RateThreshold spraying,
        RateThreshold tokenBurst,
        Duration freshCredentialWindow,
        Set<String> automationCreators,
        Set<String> torExitAddresses,
        Set<String> threatIntelAddresses,
        List<String> pentestUserAgents,
        NetworkTable networks,
        Duration producerSilence,
        Duration sequenceGapGrace,
        Duration allowedLateness,
        Duration rateSuppression,
        Duration findingSuppression,
        Duration staleCredentialSuppression) {

    public DetectorSettings {
        Objects.requireNonNull(adminPorts, "adminPorts");
        Objects.requireNonNull(highRiskPorts, "highRiskPorts");
        Objects.requireNonNull(allowedPorts, "allowedPorts");
        Objects.requireNonNull(allowedPortsByProject, "allowedPortsByProject");
        Objects.requireNonNull(revertWindow, "revertWindow");
        Objects.requireNonNull(learningPeriod, "learningPeriod");
        Objects.requireNonNull(securityGroupWriterHistory, "securityGroupWriterHistory");
        Objects.requireNonNull(keypairImportHistory, "keypairImportHistory");
        Objects.requireNonNull(credentialSourceHistory, "credentialSourceHistory");
        Objects.requireNonNull(baselineWindow, "baselineWindow");
        Objects.requireNonNull(baselineMinimumHistory, "baselineMinimumHistory");
        Objects.requireNonNull(massDeletion, "massDeletion");
        Objects.requireNonNull(credentialMaxAge, "credentialMaxAge");
        Objects.requireNonNull(credentialMaxUnused, "credentialMaxUnused");
        Objects.requireNonNull(networkSpread, "networkSpread");
        Objects.requireNonNull(impossibleTravelWindow, "impossibleTravelWindow");
        Objects.requireNonNull(bruteForce, "bruteForce");
        Objects.requireNonNull(successAfterBruteForceWindow, "successAfterBruteForceWindow");
        Objects.requireNonNull(spraying, "spraying");
        Objects.requireNonNull(tokenBurst, "tokenBurst");
        Objects.requireNonNull(freshCredentialWindow, "freshCredentialWindow");
        Objects.requireNonNull(automationCreators, "automationCreators");
        Objects.requireNonNull(torExitAddresses, "torExitAddresses");
        Objects.requireNonNull(threatIntelAddresses, "threatIntelAddresses");
        Objects.requireNonNull(pentestUserAgents, "pentestUserAgents");
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(producerSilence, "producerSilence");
        Objects.requireNonNull(sequenceGapGrace, "sequenceGapGrace");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(rateSuppression, "rateSuppression");
        Objects.requireNonNull(findingSuppression, "findingSuppression");
        Objects.requireNonNull(staleCredentialSuppression, "staleCredentialSuppression");
        adminPorts = Set.copyOf(adminPorts);
        highRiskPorts = Set.copyOf(highRiskPorts);
        allowedPorts = Set.copyOf(allowedPorts);
        automationCreators = Set.copyOf(automationCreators);
        torExitAddresses = Set.copyOf(torExitAddresses);
        threatIntelAddresses = Set.copyOf(threatIntelAddresses);
        pentestUserAgents = List.copyOf(pentestUserAgents);
        Map<String, Set<Integer>> byProject = new HashMap<>();
        allowedPortsByProject.forEach((project, ports) -> byProject.put(project, Set.copyOf(ports)));
        allowedPortsByProject = Map.copyOf(byProject);
        pentestUserAgents = pentestUserAgents.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
        if (baselineSigmas <= 0 || baselineMinimumEvents < 1 || minimumRsaBits < 1 || impossibleTravelKmh <= 0) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }

    /** The anchors' values: allowlist 80/443, no Tor or threat-intel lists, an empty network table. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(
                Set.of(22, 3389),
                Set.of(20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300),
                Set.of(80, 443),
                Map.of(),
                Duration.ofMinutes(60),
                Duration.ofDays(7),
                Duration.ofDays(90),
                Duration.ofDays(90),
                Duration.ofDays(10),
                Duration.ofDays(28),
                Duration.ofDays(7),
                3.0,
                5,
                0.05,
                2048,
                RateThreshold.of(5, Duration.ofMinutes(10)),
                Duration.ofDays(90),
                Duration.ofDays(45),
                RateThreshold.of(3, Duration.ofHours(1)),
                1000.0,
                100.0,
                Duration.ofHours(12),
                RateThreshold.of(10, Duration.ofMinutes(5)),
                Duration.ofMinutes(10),
                RateThreshold.of(10, Duration.ofMinutes(10)),
                RateThreshold.of(20, Duration.ofMinutes(5)),
                Duration.ofHours(1),
                Set.of(),
                Set.of(),
                Set.of(),
                List.of("kali", "parrot", "pentoo", "nmap", "sqlmap", "nikto", "hydra", "metasploit"),
                NetworkTable.empty(),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofDays(7));
    }

    /** The ports a project may open to the world (its override, else {@link #allowedPorts}). */
    public Set<Integer> allowedPortsOf(String projectId) {
        return allowedPortsByProject.getOrDefault(projectId, allowedPorts);
    }

    /**
     * The longest span of event time any detector looks back over: state older than
     * {@code now - retention()} can go ({@link DetectorEngine#forgetBefore}).
     */
    public Duration retention() {
        return Stream.of(securityGroupWriterHistory, keypairImportHistory, credentialSourceHistory, baselineWindow,
                        revertWindow, massDeletion.window(), networkSpread.window(), impossibleTravelWindow,
                        bruteForce.window(), spraying.window(), tokenBurst.window(), freshCredentialWindow,
                        successAfterBruteForceWindow, credentialMaxAge)
                .max(Duration::compareTo).orElseThrow().plus(allowedLateness);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values of a settings record; everything not set keeps its value. */
    public static final class Builder {
        private Set<Integer> adminPorts;
        private Set<Integer> highRiskPorts;
        private Set<Integer> allowedPorts;
        private Map<String, Set<Integer>> allowedPortsByProject;
        private Duration revertWindow;
        private Duration learningPeriod;
        private Duration securityGroupWriterHistory;
        private Duration keypairImportHistory;
        private Duration credentialSourceHistory;
        private Duration baselineWindow;
        private Duration baselineMinimumHistory;
        private double baselineSigmas;
        private int baselineMinimumEvents;
        private double failureRatioSigmaFloor;
        private int minimumRsaBits;
        private RateThreshold massDeletion;
        private Duration credentialMaxAge;
        private Duration credentialMaxUnused;
        private RateThreshold networkSpread;
        private double impossibleTravelKmh;
        private double impossibleTravelMinimumKm;
        private Duration impossibleTravelWindow;
        private RateThreshold bruteForce;
        private Duration successAfterBruteForceWindow;
        private RateThreshold spraying;
        private RateThreshold tokenBurst;
        private Duration freshCredentialWindow;
        private Set<String> automationCreators;
        private Set<String> torExitAddresses;
        private Set<String> threatIntelAddresses;
        private List<String> pentestUserAgents;
        private NetworkTable networks;
        private Duration producerSilence;
        private Duration sequenceGapGrace;
        private Duration allowedLateness;
        private Duration rateSuppression;
        private Duration findingSuppression;
        private Duration staleCredentialSuppression;

        private Builder(DetectorSettings s) {
            this.adminPorts = s.adminPorts;
            this.highRiskPorts = s.highRiskPorts;
            this.allowedPorts = s.allowedPorts;
            this.allowedPortsByProject = s.allowedPortsByProject;
            this.revertWindow = s.revertWindow;
            this.learningPeriod = s.learningPeriod;
            this.securityGroupWriterHistory = s.securityGroupWriterHistory;
            this.keypairImportHistory = s.keypairImportHistory;
            this.credentialSourceHistory = s.credentialSourceHistory;
            this.baselineWindow = s.baselineWindow;
            this.baselineMinimumHistory = s.baselineMinimumHistory;
            this.baselineSigmas = s.baselineSigmas;
            this.baselineMinimumEvents = s.baselineMinimumEvents;
            this.failureRatioSigmaFloor = s.failureRatioSigmaFloor;
            this.minimumRsaBits = s.minimumRsaBits;
            this.massDeletion = s.massDeletion;
            this.credentialMaxAge = s.credentialMaxAge;
            this.credentialMaxUnused = s.credentialMaxUnused;
            this.networkSpread = s.networkSpread;
            this.impossibleTravelKmh = s.impossibleTravelKmh;
            this.impossibleTravelMinimumKm = s.impossibleTravelMinimumKm;
            this.impossibleTravelWindow = s.impossibleTravelWindow;
            this.bruteForce = s.bruteForce;
            this.successAfterBruteForceWindow = s.successAfterBruteForceWindow;
            this.spraying = s.spraying;
            this.tokenBurst = s.tokenBurst;
            this.freshCredentialWindow = s.freshCredentialWindow;
            this.automationCreators = s.automationCreators;
            this.torExitAddresses = s.torExitAddresses;
            this.threatIntelAddresses = s.threatIntelAddresses;
            this.pentestUserAgents = s.pentestUserAgents;
            this.networks = s.networks;
            this.producerSilence = s.producerSilence;
            this.sequenceGapGrace = s.sequenceGapGrace;
            this.allowedLateness = s.allowedLateness;
            this.rateSuppression = s.rateSuppression;
            this.findingSuppression = s.findingSuppression;
            this.staleCredentialSuppression = s.staleCredentialSuppression;
        }

        /** D1: ports whose exposure to the world is an admin-port finding (EC2.13/14). */
        public Builder adminPorts(Set<Integer> value) {
            this.adminPorts = value;
            return this;
        }

        /** D2: the fixed EC2.19 high-risk port list. */
        public Builder highRiskPorts(Set<Integer> value) {
            this.highRiskPorts = value;
            return this;
        }

        /** D3: ports tenants may open to the world (EC2.18 {@code authorizedTcpPorts}). */
        public Builder allowedPorts(Set<Integer> value) {
            this.allowedPorts = value;
            return this;
        }

        /** D3: per-project replacement of {@link #allowedPorts}. */
        public Builder allowedPortsByProject(Map<String, Set<Integer>> value) {
            this.allowedPortsByProject = value;
            return this;
        }

        /** D6: a world-open rule removed within this long of its creation is open-then-revert. */
        public Builder revertWindow(Duration value) {
            this.revertWindow = value;
            return this;
        }

        /** D5, D8, D13: new-term detectors stay silent until the engine has observed this much event time. */
        public Builder learningPeriod(Duration value) {
            this.learningPeriod = value;
            return this;
        }

        /** D5: an actor without security group writes in this long is a first-time modifier. */
        public Builder securityGroupWriterHistory(Duration value) {
            this.securityGroupWriterHistory = value;
            return this;
        }

        /** D8: import history kept per actor and per (actor, ASN). */
        public Builder keypairImportHistory(Duration value) {
            this.keypairImportHistory = value;
            return this;
        }

        /** D13, D20: how long a (credential, address) or (creator, address) pair stays known. */
        public Builder credentialSourceHistory(Duration value) {
            this.credentialSourceHistory = value;
            return this;
        }

        /** D7, D18, D19: the rolling baseline window. */
        public Builder baselineWindow(Duration value) {
            this.baselineWindow = value;
            return this;
        }

        /** D7, D18, D19: no baseline finding before a series has this much history. */
        public Builder baselineMinimumHistory(Duration value) {
            this.baselineMinimumHistory = value;
            return this;
        }

        /** D7, D18, D19: standard deviations above the mean that make a spike. */
        public Builder baselineSigmas(double value) {
            this.baselineSigmas = value;
            return this;
        }

        /** D7, D18, D19: a spiking minute also needs at least this many events (failures for D18). */
        public Builder baselineMinimumEvents(int value) {
            this.baselineMinimumEvents = value;
            return this;
        }

        /** D18: the smallest standard deviation assumed for a failure-ratio series. */
        public Builder failureRatioSigmaFloor(double value) {
            this.failureRatioSigmaFloor = value;
            return this;
        }

        /** D9: RSA keys shorter than this are weak. */
        public Builder minimumRsaBits(int value) {
            this.minimumRsaBits = value;
            return this;
        }

        /** D10: key pair or credential deletions per actor. */
        public Builder massDeletion(RateThreshold value) {
            this.massDeletion = value;
            return this;
        }

        /** D12: a live credential older than this is stale (IAM.3). */
        public Builder credentialMaxAge(Duration value) {
            this.credentialMaxAge = value;
            return this;
        }

        /** D12: a live credential unused for this long is stale (IAM.22). */
        public Builder credentialMaxUnused(Duration value) {
            this.credentialMaxUnused = value;
            return this;
        }

        /** D14: distinct ASNs or countries one credential is used from. */
        public Builder networkSpread(RateThreshold value) {
            this.networkSpread = value;
            return this;
        }

        /** D14: faster than this between two uses of one credential is impossible travel. */
        public Builder impossibleTravelKmh(double value) {
            this.impossibleTravelKmh = value;
            return this;
        }

        /** D14: shorter hops are ignored (geolocation is not that precise). */
        public Builder impossibleTravelMinimumKm(double value) {
            this.impossibleTravelMinimumKm = value;
            return this;
        }

        /** D14: uses further apart than this are not compared. */
        public Builder impossibleTravelWindow(Duration value) {
            this.impossibleTravelWindow = value;
            return this;
        }

        /** D15: failed authentications per credential. */
        public Builder bruteForce(RateThreshold value) {
            this.bruteForce = value;
            return this;
        }

        /** D16: a success this soon after D15/D17 is a brute force that worked. */
        public Builder successAfterBruteForceWindow(Duration value) {
            this.successAfterBruteForceWindow = value;
            return this;
        }

        /** D17: distinct credentials one address fails on. */
        public Builder spraying(RateThreshold value) {
            this.spraying = value;
            return this;
        }

        /** D19: tokens minted per application credential. */
        public Builder tokenBurst(RateThreshold value) {
            this.tokenBurst = value;
            return this;
        }

        /** D20: how long after creation a use from a foreign address is suspicious. */
        public Builder freshCredentialWindow(Duration value) {
            this.freshCredentialWindow = value;
            return this;
        }

        /** D21: user ids allowed to mint credentials for other users. */
        public Builder automationCreators(Set<String> value) {
            this.automationCreators = value;
            return this;
        }

        /** D23: Tor exit addresses or prefixes. */
        public Builder torExitAddresses(Set<String> value) {
            this.torExitAddresses = value;
            return this;
        }

        /** D23: threat-intelligence addresses or prefixes. */
        public Builder threatIntelAddresses(Set<String> value) {
            this.threatIntelAddresses = value;
            return this;
        }

        /** D23: user-agent substrings of penetration-testing tools, matched case-insensitively. */
        public Builder pentestUserAgents(List<String> value) {
            this.pentestUserAgents = value;
            return this;
        }

        /** D8, D13, D14, D20: address to ASN, country and location. */
        public Builder networks(NetworkTable value) {
            this.networks = value;
            return this;
        }

        /** D24: a seen source with no event for this long is silent. */
        public Builder producerSilence(Duration value) {
            this.producerSilence = value;
            return this;
        }

        /** D24: a missing sequence number is a gap once a later one was seen this long ago. */
        public Builder sequenceGapGrace(Duration value) {
            this.sequenceGapGrace = value;
            return this;
        }

        /** How late (in event time) an event may arrive and still be judged with its peers. */
        public Builder allowedLateness(Duration value) {
            this.allowedLateness = value;
            return this;
        }

        /** Suppression of rate and burst findings (D7, D10, D14-D19, D22, D23, D24 silence). */
        public Builder rateSuppression(Duration value) {
            this.rateSuppression = value;
            return this;
        }

        /** Suppression of static findings (D1-D6, D8, D9, D11, D13, D20, D21, D24 gaps and resets). */
        public Builder findingSuppression(Duration value) {
            this.findingSuppression = value;
            return this;
        }

        /** D12: how often a stale credential is reported again. */
        public Builder staleCredentialSuppression(Duration value) {
            this.staleCredentialSuppression = value;
            return this;
        }

        /** The settings. */
        public DetectorSettings build() {
            return new DetectorSettings(
                    adminPorts,
                    highRiskPorts,
                    allowedPorts,
                    allowedPortsByProject,
                    revertWindow,
                    learningPeriod,
                    securityGroupWriterHistory,
                    keypairImportHistory,
                    credentialSourceHistory,
                    baselineWindow,
                    baselineMinimumHistory,
                    baselineSigmas,
                    baselineMinimumEvents,
                    failureRatioSigmaFloor,
                    minimumRsaBits,
                    massDeletion,
                    credentialMaxAge,
                    credentialMaxUnused,
                    networkSpread,
                    impossibleTravelKmh,
                    impossibleTravelMinimumKm,
                    impossibleTravelWindow,
                    bruteForce,
                    successAfterBruteForceWindow,
                    spraying,
                    tokenBurst,
                    freshCredentialWindow,
                    automationCreators,
                    torExitAddresses,
                    threatIntelAddresses,
                    pentestUserAgents,
                    networks,
                    producerSilence,
                    sequenceGapGrace,
                    allowedLateness,
                    rateSuppression,
                    findingSuppression,
                    staleCredentialSuppression);
        }
    }
}

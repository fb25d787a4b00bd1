package io.accessplane.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the audit service ({@code accessplane.audit.*}). */
@ConfigMapping(prefix = "accessplane.audit")
public interface AuditConfig {

    /** How events are read from Kafka and stored. */
    Ingest ingest();

    /** Signed checkpoints over the hash chains. */
    Checkpoints checkpoints();

    /** Retention of the activity log. */
    Retention retention();

    /** The activity log and alert APIs. */
    Api api();

    /** Settings of the Kafka consumer that stores every event. */
    interface Ingest {
        /** Whether this instance consumes events (off only in tests that feed the store directly). */
        @WithDefault("true")
        boolean enabled();

        /** Regular expression of the topics to consume. */
        @WithName("topic-pattern")
        @WithDefault("accessplane\\..*\\.events")
        String topicPattern();

        /** Kafka consumer group of the audit service. */
        @WithName("group-id")
        @WithDefault("accessplane-audit")
        String groupId();

        /** Most records stored per database transaction. */
        @WithName("max-batch")
        @WithDefault("500")
        int maxBatch();

        /** Topic that receives records which cannot be parsed, with the reason in headers. */
        @WithName("dead-letter-topic")
        @WithDefault("accessplane.audit.deadletter")
        String deadLetterTopic();

        /** Pause after a database or Kafka failure before the consumer starts again. */
        @WithDefault("PT1S")
        Duration backoff();

        /** How often time-driven detectors (stale credentials, silent producers, open gaps) run. */
        @WithName("tick-interval")
        @WithDefault("PT5S")
        Duration tickInterval();

        /** How far back the stored log is replayed into the detectors at start (their longest window). */
        @WithName("replay-window")
        @WithDefault("P90D")
        Duration replayWindow();
    }

    /** Settings of the signed checkpoints. */
    interface Checkpoints {
        /** How often a checkpoint is signed (also on demand through the API). */
        @WithDefault("PT5M")
        Duration interval();

        /**
         * The Ed25519 private key: PKCS#8 PEM (as {@code openssl genpkey -algorithm ed25519} writes)
         * or a base64 32-byte seed. Unset: a key is generated at start, which only suits tests.
         */
        @WithName("signing-key")
        Optional<String> signingKey();

        /** A file holding the signing key, read when {@code signing-key} is unset. */
        @WithName("signing-key-file")
        Optional<String> signingKeyFile();

        /**
         * A file of earlier verification keys (public keys as PEM, as {@code openssl pkey -pubout}
         * writes, several concatenated) whose checkpoints stay trusted after a key rotation.
         */
        @WithName("trusted-keys-file")
        Optional<String> trustedKeysFile();

        /** How often every project's chain is verified in the background (a broken one raises D24). */
        @WithName("verify-interval")
        @WithDefault("PT24H")
        Duration verifyInterval();

        /** Whether a missing key is an error at start (true in production). */
        @WithName("require-key")
        @WithDefault("false")
        boolean requireKey();
    }

    /** Settings of retention. */
    interface Retention {
        /** Days events are kept when a project has no policy of its own. */
        @WithName("default-days")
        @WithDefault("400")
        int defaultDays();

        /** How often the purge runs. */
        @WithName("purge-interval")
        @WithDefault("PT1H")
        Duration purgeInterval();
    }

    /** Settings of the query APIs. */
    interface Api {
        /** Page size when the caller gives no {@code limit}. */
        @WithName("default-limit")
        @WithDefault("100")
        int defaultLimit();

        /** Largest page; longer results are read with the cursor, there is no cap on the total. */
        @WithName("max-limit")
        @WithDefault("1000")
        int maxLimit();

        /** How often live streams look for new rows when no notification arrives. */
        @WithName("stream-poll")
        @WithDefault("PT1S")
        Duration streamPoll();
    }

    /** Detector settings that come from outside data. */
    Detectors detectors();

    /** Outside data and tenant choices used by the detectors. */
    interface Detectors {
        /** Ports that may be open to the world without a D3 alert. */
        @WithName("allowed-world-ports")
        @WithDefault("80,443")
        List<Integer> allowedWorldPorts();

        /** Tor exit addresses or CIDRs (D23). */
        @WithName("tor-exits")
        Optional<List<String>> torExits();

        /** Threat-intelligence addresses or CIDRs (D23). */
        @WithName("threat-intel")
        Optional<List<String>> threatIntel();

        /** A file of address-to-network lines, {@code <cidr>,<asn>,<country>[,<lat>,<lon>]} (D8, D13, D14, D20). */
        @WithName("networks-file")
        Optional<String> networksFile();

        /** How long a missing sequence number may stay missing after a later one arrived (D24). */
        @WithName("sequence-gap-grace")
        @WithDefault("PT30S")
        Duration sequenceGapGrace();

        /** How long a producer that has been seen may stay silent (D24); producers send heartbeats. */
        @WithName("producer-silence")
        @WithDefault("PT5M")
        Duration producerSilence();

        /** User ids allowed to create application credentials for other users (D21). */
        @WithName("automation-users")
        Optional<List<String>> automationUsers();
    }
}

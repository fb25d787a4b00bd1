package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 record in structured JSON mode, as accessplane publishes it on Kafka.
 * {@code sequence} is assigned by the outbox relay when the event is published, so it is
 * {@code null} until then. {@code traceparent} and {@code tracestate} are the CloudEvents
 * distributed-tracing extension: the W3C trace context of the request that caused the event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        @JsonProperty("specversion") String specVersion,
        @JsonProperty("id") String id,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("subject") String subject,
        @JsonProperty("time") Instant time,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("partitionkey") String partitionKey,
        @JsonProperty("sequence") String sequence,
        @JsonProperty("traceparent") String traceparent,
        @JsonProperty("tracestate") String tracestate,
        @JsonProperty("data") EventData data) {

    /** The CloudEvents version we emit. */
    public static final String SPEC_VERSION = "1.0";
    /** The Kafka {@code content-type} header of a structured-mode record. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** Partition key used for events that belong to no project (e.g. failed logins by unknown users). */
    public static final String NO_PROJECT = "-";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        specVersion = specVersion == null ? SPEC_VERSION : specVersion;
        partitionKey = partitionKey == null || partitionKey.isBlank() ? NO_PROJECT : partitionKey;
    }

    /**
     * A new event, not yet sequenced.
     *
     * @param source  {@code /accessplane/<service>}
     * @param type    {@code io.accessplane.<resource>.<action>.v1}
     * @param subject the resource id
     * @param project the owning project (record key and {@code partitionkey}), may be null
     */
    public static CloudEvent create(String source, String type, String subject, String project, EventData data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, Instant.now(),
                "application/json", project, null, null, null, data);
    }

    /** The same event carrying a W3C trace context ({@code tracestate} may be null). */
    public CloudEvent withTraceContext(String traceparent, String tracestate) {
        return new CloudEvent(specVersion, id, source, type, subject, time, dataContentType, partitionKey,
                sequence, traceparent, tracestate, data);
    }

    /** Encodes a per-source sequence number as a lexicographically orderable string. */
    public static String encodeSequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        return String.format("%020d", sequence);
    }
}

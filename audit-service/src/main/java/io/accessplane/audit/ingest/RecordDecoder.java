package io.accessplane.audit.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a Kafka record into a CloudEvent in either mode of the Kafka protocol binding: structured
 * ({@code content-type: application/cloudevents+json}, the whole event in the value) or binary
 * (attributes in {@code ce_*} headers, the data in the value).
 */
public final class RecordDecoder {

    /** Longest value of an attribute we index (ids, types, sources). */
    static final int MAX_ATTRIBUTE = 512;

    private final ObjectMapper strict = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Reads the envelope's known attributes; extension attributes it does not know (CloudEvents
     * lets producers add any) stay in the stored JSON rather than sending the event to the dead letters.
     */
    private final com.fasterxml.jackson.databind.ObjectReader envelope = EventJson.mapper()
            .readerFor(CloudEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Decodes the record, or says why it cannot be stored. */
    public DecodedEvent decode(ConsumerRecord<String, byte[]> record) throws UndecodableRecordException {
        if (record.value() == null) {
            throw new UndecodableRecordException("record has no value");
        }
        String contentType = header(record, "content-type");
        ObjectNode json = contentType != null && contentType.toLowerCase().startsWith("application/cloudevents")
                ? structured(record.value())
                : binary(record, contentType);
        CloudEvent event = typed(json);
        return new DecodedEvent(event, json, record.topic(), record.partition(), record.offset());
    }

    private ObjectNode structured(byte[] value) throws UndecodableRecordException {
        JsonNode node = parse(value);
        if (!(node instanceof ObjectNode object)) {
            throw new UndecodableRecordException("structured event is not a JSON object");
        }
        return object;
    }

    private ObjectNode binary(ConsumerRecord<String, byte[]> record, String contentType)
            throws UndecodableRecordException {
        if (header(record, "ce_id") == null) {
            throw new UndecodableRecordException("neither a structured event (content-type) nor a binary one (ce_id)");
        }
        ObjectNode json = strict.createObjectNode();
        for (Header h : record.headers()) {
            if (h.key().startsWith("ce_") && h.value() != null) {
                json.put(h.key().substring(3), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        if (contentType != null) {
            json.put("datacontenttype", contentType);
        }
        if (record.value().length > 0) {
            json.set("data", parse(record.value()));
        }
        return json;
    }

    private JsonNode parse(byte[] value) throws UndecodableRecordException {
        try {
            JsonNode node = strict.readTree(value);
            if (node == null) {
                throw new UndecodableRecordException("empty value");
            }
            return node;
        } catch (IOException e) {
            throw new UndecodableRecordException("value is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private CloudEvent typed(ObjectNode json) throws UndecodableRecordException {
        for (String required : new String[] {"id", "source", "type", "specversion", "time"}) {
            JsonNode v = json.get(required);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new UndecodableRecordException("attribute '" + required + "' is missing or not a string");
            }
        }
        if (!"1.0".equals(json.get("specversion").asText())) {
            throw new UndecodableRecordException("unsupported specversion " + json.get("specversion").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual()) {
                String text = field.getValue().asText();
                if (text.length() > MAX_ATTRIBUTE && !field.getKey().equals("data")) {
                    throw new UndecodableRecordException("attribute '" + field.getKey() + "' is too long");
                }
            }
        }
        if (containsNul(json)) {
            throw new UndecodableRecordException("event contains a NUL character");
        }
        try {
            return envelope.readValue(json);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException("event does not match the envelope: " + firstLine(e.getMessage()));
        }
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') >= 0;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().indexOf('\0') >= 0 || containsNul(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

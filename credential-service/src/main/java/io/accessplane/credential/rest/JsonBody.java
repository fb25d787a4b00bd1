package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** Reads a JSON request body field by field with Keystone's validation messages. */
public final class JsonBody {

    private JsonBody() {
    }

    /** The object under {@code key} of the root; 400 when the body or the key is missing or not an object. */
    public static JsonNode wrapped(JsonNode root, String key) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw KeystoneException.badRequest("The request body is missing.");
        }
        if (!root.isObject()) {
            throw KeystoneException.invalidField("body", "must be an object");
        }
        JsonNode inner = root.get(key);
        if (inner == null || !inner.isObject()) {
            throw KeystoneException.invalidField(key, "'" + key + "' is a required property and must be an object");
        }
        return inner;
    }

    /** 400 when the object has a property outside {@code allowed}. */
    public static void onlyKnown(JsonNode object, String where, Set<String> allowed) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw KeystoneException.invalidField(where,
                        "Additional properties are not allowed ('" + printable(name) + "' was unexpected)");
            }
        }
    }

    /** A required non-blank string of at most {@code max} characters. */
    public static String requiredString(JsonNode object, String field, int max) {
        String value = optionalString(object, field, max);
        if (value == null) {
            throw KeystoneException.invalidField(field, "'" + field + "' is a required property");
        }
        return value;
    }

    /** An optional string (null when absent or null) of at most {@code max} characters, not blank. */
    public static String optionalString(JsonNode object, String field, int max) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw KeystoneException.invalidField(field, "must be a string");
        }
        String s = v.textValue();
        if (s.isBlank()) {
            throw KeystoneException.invalidField(field, "must not be empty");
        }
        if (s.length() > max) {
            throw KeystoneException.invalidField(field, "is longer than " + max + " characters");
        }
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw KeystoneException.invalidField(field, "must not contain control characters");
        }
        return s;
    }

    /** An optional free text (may be empty) of at most {@code max} characters. */
    public static String optionalText(JsonNode object, String field, int max) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw KeystoneException.invalidField(field, "must be a string");
        }
        if (v.textValue().length() > max) {
            throw KeystoneException.invalidField(field, "is longer than " + max + " characters");
        }
        return v.textValue();
    }

    /** An optional boolean. */
    public static Boolean optionalBoolean(JsonNode object, String field) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw KeystoneException.invalidField(field, "must be a boolean");
        }
        return v.booleanValue();
    }

    /** An optional ISO 8601 time; without a zone it is UTC, as Keystone reads it. */
    public static Instant optionalTime(JsonNode object, String field) {
        String s = optionalString(object, field, 64);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                String local = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
                return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw KeystoneException.invalidField(field, "is not an ISO 8601 date-time");
            }
        }
    }

    /** A string safe to echo in a message: short, printable. */
    public static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}

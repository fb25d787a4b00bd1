package io.accessplane.audit.rest;

import io.accessplane.audit.service.EventFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Reads the activity-log filters from a query string. An unknown parameter is a 400 rather than
 * ignored: a mistyped filter must not silently return everything.
 */
public final class EventQueryParser {

    /** Filters every event query accepts. */
    static final Set<String> FILTERS = Set.of("project_id", "user_id", "application_credential_id", "source_address",
            "target_type", "target_id", "type", "outcome", "since", "until");

    private static final int MAX_VALUE = 255;

    private EventQueryParser() {
    }

    /** 400 unless every parameter of the query is one of {@code known} or {@code extra}. */
    public static void requireKnown(MultivaluedMap<String, String> query, Set<String> known, Set<String> extra) {
        for (String name : query.keySet()) {
            if (!known.contains(name) && !extra.contains(name)) {
                throw AuditException.badRequest("Unknown query parameter '" + printable(name) + "'.");
            }
        }
    }

    /** The filter, checking that only {@code FILTERS} and {@code extra} appear, each at most once. */
    public static EventFilter parse(MultivaluedMap<String, String> query, Set<String> extra) {
        requireKnown(query, FILTERS, extra);
        for (String name : query.keySet()) {
            if (query.get(name).size() > 1) {
                throw AuditException.badRequest("Query parameter '" + name + "' may be given once.");
            }
        }
        String outcome = value(query, "outcome");
        if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
            throw AuditException.badRequest("outcome must be 'success' or 'failure'.");
        }
        Instant since = time(query, "since");
        Instant until = time(query, "until");
        if (since != null && until != null && !since.isBefore(until)) {
            throw AuditException.badRequest("since must be before until.");
        }
        return new EventFilter(value(query, "project_id"), value(query, "user_id"),
                value(query, "application_credential_id"), value(query, "source_address"),
                value(query, "target_type"), value(query, "target_id"), value(query, "type"), outcome, since, until);
    }

    /** A single optional parameter: null when absent, 400 when empty, too long or not printable. */
    public static String value(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0);
        if (v == null || v.isEmpty()) {
            throw AuditException.badRequest("Query parameter '" + name + "' must not be empty.");
        }
        if (v.length() > MAX_VALUE || !v.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw AuditException.badRequest("Query parameter '" + name + "' is too long or holds control characters.");
        }
        return v;
    }

    /** An optional positive integer parameter. */
    public static Integer integer(MultivaluedMap<String, String> query, String name) {
        String v = value(query, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw AuditException.badRequest("Query parameter '" + name + "' must be an integer.");
        }
    }

    private static Instant time(MultivaluedMap<String, String> query, String name) {
        String v = value(query, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v + "Z");
            } catch (DateTimeParseException again) {
                throw AuditException.badRequest("Query parameter '" + name
                        + "' must be an ISO 8601 time such as 2026-01-31T12:00:00Z.");
            }
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}

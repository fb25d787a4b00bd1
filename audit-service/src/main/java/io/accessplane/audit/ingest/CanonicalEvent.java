package io.accessplane.audit.ingest;

import io.accessplane.platform.events.CloudEvent;

/** An event with its RFC 8785 canonical JSON, as it is hashed and stored. */
public record CanonicalEvent(CloudEvent event, String canonical) {

    /** The per-source sequence number, or -1 when absent or not a number. */
    public static long sequenceOf(CloudEvent e) {
        String s = e.sequence();
        if (s == null || s.isEmpty() || s.length() > 20 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }
}

package io.accessplane.audit.detectors;

import java.util.Locale;

/** How urgent an alert is, from the detector table of audit-anchors.md section 6. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The lower-case name used in JSON, Kafka and the API ({@code "high"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

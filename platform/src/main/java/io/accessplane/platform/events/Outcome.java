package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The CADF outcome of an audited action. */
public enum Outcome {
    SUCCESS("success"),
    FAILURE("failure");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used on the wire. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}

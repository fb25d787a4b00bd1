package io.accessplane.audit.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an alert is in its life: raised, seen by an operator, or closed. */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** The lower-case name used on the wire and in the database. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null when it names no state. */
    public static AlertState fromWire(String s) {
        for (AlertState state : values()) {
            if (state.wireName().equals(s)) {
                return state;
            }
        }
        return null;
    }
}

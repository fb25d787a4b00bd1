package io.accessplane.audit.detectors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the explainable facts of a finding in insertion order, leaving out unknown (null) ones;
 * collections are copied into immutable lists (in iteration order) so details are JSON-friendly.
 */
final class Facts {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a fact unless its value is null. */
    Facts put(String name, Object value) {
        if (value instanceof Collection<?> c) {
            values.put(name, List.copyOf(c));
        } else if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> toMap() {
        return values;
    }
}

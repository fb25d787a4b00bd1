package io.accessplane.secgroup.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/** Neutron's tag rules: strings of 1 to 255 characters without commas or slashes; a body {@code {"tags": [...]}}. */
public final class Tags {

    static final int MAX = 255;

    private Tags() {
    }

    /** The tags of a replace-all body. */
    public static Set<String> list(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("tags") || !body.get("tags").isArray()) {
            throw NeutronException.badRequest("Invalid input for tags. Reason: '" + body + "' is not a list.");
        }
        Set<String> tags = new TreeSet<>();
        for (JsonNode t : body.get("tags")) {
            if (!t.isTextual()) {
                throw NeutronException.badRequest("Invalid input for tags. Reason: '" + t + "' is not a valid string.");
            }
            check(t.asText());
            tags.add(t.asText());
        }
        return tags;
    }

    /** Refuses a tag Neutron would refuse. */
    public static void check(String tag) {
        if (tag.isEmpty() || tag.length() > MAX || tag.contains(",") || tag.contains("/")) {
            throw NeutronException.badRequest("Invalid input for operation: '" + tag + "' is not a valid tag.");
        }
    }
}

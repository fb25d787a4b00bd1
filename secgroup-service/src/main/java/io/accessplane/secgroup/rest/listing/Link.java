package io.accessplane.secgroup.rest.listing;

import java.util.LinkedHashMap;
import java.util.Map;

/** One pagination link, {@code rel} being {@code next} or {@code previous}. */
public record Link(String href, String rel) {

    /** The link as Neutron's JSON object {@code {"href": ..., "rel": ...}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("href", href);
        map.put("rel", rel);
        return map;
    }
}

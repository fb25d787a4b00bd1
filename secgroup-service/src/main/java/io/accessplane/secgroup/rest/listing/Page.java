package io.accessplane.secgroup.rest.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of a listing: the selected views (after {@code fields}) and the pagination links. */
public record Page(List<Map<String, Object>> items, List<Link> links) {

    /** Copies both lists so the page cannot change behind the caller's back. */
    public Page {
        items = List.copyOf(items);
        links = List.copyOf(links);
    }

    /**
     * The response body Neutron sends: {@code {"<collection>": [...], "<collection>_links": [...]}},
     * the links member present only when there are links.
     */
    public Map<String, Object> toBody(String collection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(collection, items);
        if (!links.isEmpty()) {
            List<Map<String, Object>> linkMaps = new ArrayList<>();
            for (Link link : links) {
                linkMaps.add(link.toMap());
            }
            body.put(collection + "_links", linkMaps);
        }
        return body;
    }
}

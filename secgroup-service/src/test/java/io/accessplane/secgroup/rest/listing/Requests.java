package io.accessplane.secgroup.rest.listing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: query strings as JAX-RS would hand them over, and one-call listing. */
final class Requests {

    static final String BASE = "http://neutron:9696/v2.0/security-groups";

    private Requests() {
    }

    /** {@code a=1&b=2&a=3} as an insertion-ordered multimap, decoded like JAX-RS. */
    static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String piece : query.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? piece : piece.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(piece.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    static ListQuery query(String query, ResourceSchema schema) {
        return ListQuery.parse(params(query), schema);
    }

    /** Lists {@code views} for a full URL (its query string is the request's). */
    static Page get(List<Map<String, Object>> views, ResourceSchema schema, String url) {
        return get(views, schema, url, ListSettings.DEFAULTS);
    }

    static Page get(List<Map<String, Object>> views, ResourceSchema schema, String url, ListSettings settings) {
        int q = url.indexOf('?');
        ListQuery query = ListQuery.parse(params(q < 0 ? "" : url.substring(q + 1)), schema, settings);
        return Listing.apply(views, query, url);
    }

    /** The ids of a page's items, in order. */
    static List<Object> ids(Page page) {
        List<Object> ids = new ArrayList<>();
        page.items().forEach(item -> ids.add(item.get("id")));
        return ids;
    }

    /** The href of the link with this rel, or null. */
    static String link(Page page, String rel) {
        return page.links().stream().filter(l -> l.rel().equals(rel)).map(Link::href).findFirst().orElse(null);
    }

    /** A security group view with every attribute, in Neutron's response order. */
    static Map<String, Object> sg(String id, String name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("stateful", true);
        view.put("tenant_id", "p1");
        view.put("project_id", "p1");
        view.put("description", "");
        view.put("shared", false);
        view.put("security_group_rules", List.of());
        view.put("tags", List.of());
        view.put("created_at", "2024-01-01T00:00:00Z");
        view.put("updated_at", "2024-01-01T00:00:00Z");
        view.put("revision_number", 1);
        return view;
    }

    /** The same view with one attribute changed. */
    static Map<String, Object> with(Map<String, Object> view, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(view);
        copy.put(key, value);
        return copy;
    }

    /** A security group rule view. */
    static Map<String, Object> rule(String id, String direction, String protocol, Integer portMin, String prefix) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("project_id", "p1");
        view.put("security_group_id", "sg1");
        view.put("ethertype", prefix != null && prefix.contains(":") ? "IPv6" : "IPv4");
        view.put("direction", direction);
        view.put("protocol", protocol);
        view.put("port_range_min", portMin);
        view.put("port_range_max", portMin);
        view.put("remote_ip_prefix", prefix);
        view.put("remote_address_group_id", null);
        view.put("normalized_cidr", prefix);
        view.put("remote_group_id", null);
        view.put("belongs_to_default_sg", false);
        view.put("tenant_id", "p1");
        view.put("description", "");
        view.put("revision_number", 0);
        return view;
    }
}

package io.accessplane.secgroup.rest.listing;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code next}/{@code previous} links of neutron/api/api_common.py
 * ({@code get_pagination_links}, {@code get_next_link}, {@code get_previous_link}), including their
 * webob MultiDict edits of the request's query parameters.
 */
final class PageLinks {

    private PageLinks() {
    }

    /**
     * The links for one page: {@code next} unless the page is short and not reversed,
     * {@code previous} unless the page is short and reversed (so the first forward page has a
     * previous link and a full last page has a next link, as in Neutron).
     *
     * @param path the request URL without query string
     * @param params the request's query parameters in order
     * @param page the rows of the page, before {@code fields} was applied
     */
    static List<Link> build(String path, List<Map.Entry<String, String>> params, List<Map<String, Object>> page,
            int limit, boolean pageReverse) {
        List<Link> links = new ArrayList<>();
        boolean shortPage = page.size() < limit;
        if (!(shortPage && !pageReverse)) {
            links.add(new Link(href(path, next(params, page)), "next"));
        }
        if (!(shortPage && pageReverse)) {
            links.add(new Link(href(path, previous(params, page)), "previous"));
        }
        return links;
    }

    private static List<Map.Entry<String, String>> next(List<Map.Entry<String, String>> params,
            List<Map<String, Object>> page) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(params);
        popFirst(copy, "marker");
        if (!page.isEmpty()) {
            set(copy, "marker", idOf(page.get(page.size() - 1)));
        }
        popFirst(copy, "page_reverse");
        return copy;
    }

    private static List<Map.Entry<String, String>> previous(List<Map.Entry<String, String>> params,
            List<Map<String, Object>> page) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(params);
        popFirst(copy, "marker");
        if (!page.isEmpty()) {
            set(copy, "marker", idOf(page.get(0)));
        }
        set(copy, "page_reverse", "True");
        return copy;
    }

    private static String href(String path, List<Map.Entry<String, String>> params) {
        return path + "?" + QueryString.encode(params);
    }

    /** Python's {@code str()} of the id. */
    private static String idOf(Map<String, Object> row) {
        Object id = row.get(ResourceSchema.PRIMARY_KEY);
        return id == null ? "None" : String.valueOf(id);
    }

    /** MultiDict.pop(key, None): removes the first occurrence only. */
    private static void popFirst(List<Map.Entry<String, String>> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).getKey().equals(name)) {
                params.remove(i);
                return;
            }
        }
    }

    /** MultiDict.__setitem__: removes every occurrence, then appends. */
    private static void set(List<Map.Entry<String, String>> params, String name, String value) {
        params.removeIf(p -> p.getKey().equals(name));
        params.add(new SimpleImmutableEntry<>(name, value));
    }
}

package io.accessplane.secgroup.rest.listing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron's collection GET applied in memory to the caller's visible views: filter, sort, page by
 * marker, build the links, then keep only the requested {@code fields}.
 */
public final class Listing {

    private Listing() {
    }

    /**
     * Lists {@code views} (every row the caller may see, unfiltered) as {@code query} asks.
     *
     * <p>Paging follows the native (SQL) path Neutron's ML2 plugin uses: the marker is looked up
     * among all visible views, not only the filtered ones, and the page holds the rows strictly
     * after it (or, with {@code page_reverse}, strictly before it) in the sort order; a marker that
     * is not found is ignored. Without a limit nothing is paged, but {@code page_reverse=True} still
     * reverses the order, as Neutron's {@code get_collection} does.
     *
     * @param requestUrl the request URL; the part before '?' is the links' base, and its query
     *     string, when present, supplies the links' parameters in their original order (otherwise
     *     {@link ListQuery#parameters()} does)
     */
    public static Page apply(List<Map<String, Object>> views, ListQuery query, String requestUrl) {
        RowOrder order = new RowOrder(query.effectiveSorts(), query.schema());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> view : views) {
            if (query.matches(view)) {
                rows.add(view);
            }
        }
        rows.sort(order);
        int limit = query.limit();
        List<Map<String, Object>> page;
        List<Link> links = List.of();
        if (limit == 0) {
            page = rows;
            if (query.pageReverse()) {
                Collections.reverse(page);
            }
        } else {
            Map<String, Object> marker = query.marker().map(id -> find(views, id)).orElse(null);
            page = query.pageReverse() ? before(rows, marker, order, limit) : after(rows, marker, order, limit);
            links = PageLinks.build(path(requestUrl), linkParameters(requestUrl, query), page, limit,
                    query.pageReverse());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : page) {
            items.add(project(row, query.fields()));
        }
        return new Page(items, links);
    }

    private static List<Map<String, Object>> after(List<Map<String, Object>> rows, Map<String, Object> marker,
            RowOrder order, int limit) {
        int from = 0;
        if (marker != null) {
            while (from < rows.size() && order.compare(rows.get(from), marker) <= 0) {
                from++;
            }
        }
        return rows.subList(from, (int) Math.min(rows.size(), (long) from + limit));
    }

    private static List<Map<String, Object>> before(List<Map<String, Object>> rows, Map<String, Object> marker,
            RowOrder order, int limit) {
        int to = 0;
        if (marker == null) {
            to = rows.size();
        } else {
            while (to < rows.size() && order.compare(rows.get(to), marker) < 0) {
                to++;
            }
        }
        return rows.subList(Math.max(0, to - limit), to);
    }

    private static Map<String, Object> find(List<Map<String, Object>> views, String id) {
        for (Map<String, Object> view : views) {
            Object viewId = view.get(ResourceSchema.PRIMARY_KEY);
            if (viewId != null && id.equals(String.valueOf(viewId))) {
                return view;
            }
        }
        return null;
    }

    /** Neutron's UserFilterHook: when {@code fields} was given, only keys named in it, in the view's order. */
    private static Map<String, Object> project(Map<String, Object> row, List<String> fields) {
        if (fields.isEmpty()) {
            return new LinkedHashMap<>(row);
        }
        Set<String> wanted = new HashSet<>(fields);
        Map<String, Object> projected = new LinkedHashMap<>();
        row.forEach((key, value) -> {
            if (wanted.contains(key)) {
                projected.put(key, value);
            }
        });
        return projected;
    }

    private static String path(String requestUrl) {
        int cut = requestUrl.length();
        int query = requestUrl.indexOf('?');
        int fragment = requestUrl.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return requestUrl.substring(0, cut);
    }

    private static List<Map.Entry<String, String>> linkParameters(String requestUrl, ListQuery query) {
        int start = requestUrl.indexOf('?');
        if (start < 0) {
            return query.parameters();
        }
        int end = requestUrl.indexOf('#', start);
        return QueryString.parse(requestUrl.substring(start + 1, end < 0 ? requestUrl.length() : end));
    }
}

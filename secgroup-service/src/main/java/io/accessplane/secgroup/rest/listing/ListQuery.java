package io.accessplane.secgroup.rest.listing;

import java.math.BigInteger;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Neutron collection GET's query parameters, parsed and validated in Neutron's order: filters
 * (conversion errors, then invalid keys), then {@code limit}, then {@code sort_key}/{@code sort_dir},
 * then the database's own sort-key check.
 *
 * <p>Single-valued parameters ({@code limit}, {@code marker}, {@code page_reverse}) take the last
 * value, as webob's {@code request.GET.get} does.
 */
public final class ListQuery {

    private final ResourceSchema schema;
    private final QueryFilters filters;
    private final List<String> fields;
    private final List<SortKey> sorts;
    private final int limit;
    private final String marker;
    private final boolean pageReverse;
    private final List<Map.Entry<String, String>> parameters;

    private ListQuery(ResourceSchema schema, QueryFilters filters, List<String> fields, List<SortKey> sorts,
            int limit, String marker, boolean pageReverse, List<Map.Entry<String, String>> parameters) {
        this.schema = schema;
        this.filters = filters;
        this.fields = List.copyOf(fields);
        this.sorts = List.copyOf(sorts);
        this.limit = limit;
        this.marker = marker;
        this.pageReverse = pageReverse;
        this.parameters = List.copyOf(parameters);
    }

    /** Parses with Neutron's default settings (no maximum limit, filter validation on). */
    public static ListQuery parse(Map<String, List<String>> params, ResourceSchema schema) {
        return parse(params, schema, ListSettings.DEFAULTS);
    }

    /**
     * Parses query parameters as JAX-RS {@code UriInfo.getQueryParameters()} gives them.
     *
     * @throws ListQueryRejection with Neutron's type, status and message for the first problem
     */
    public static ListQuery parse(Map<String, List<String>> params, ResourceSchema schema, ListSettings settings) {
        List<String> fields = nonNull(params.get("fields"));
        QueryFilters filters = QueryFilters.read(params, schema, settings.filterValidation());
        int limit = limit(params, settings.paginationMaxLimit());
        String marker = limit == 0 ? null : last(params, "marker");
        if (marker != null && marker.isEmpty()) {
            marker = null;
        }
        String reverse = last(params, "page_reverse");
        boolean pageReverse = (reverse == null ? "False" : reverse).toLowerCase(Locale.ROOT).equals("true");
        List<SortKey> sorts = sorts(params, schema);
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        params.forEach((name, values) -> nonNull(values)
                .forEach(value -> parameters.add(new SimpleImmutableEntry<>(name, value))));
        return new ListQuery(schema, filters, fields, sorts, limit, marker, pageReverse, parameters);
    }

    /**
     * Decodes a raw query string ({@code a=1&b=&a=2}, '+' as space, %XX as UTF-8) into an
     * insertion-ordered map, keys in order of first appearance, as webob's {@code request.GET}
     * orders them; use it when the JAX-RS map's key order is not the request's.
     */
    public static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (Map.Entry<String, String> pair : QueryString.parse(rawQuery)) {
                params.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue());
            }
        }
        return params;
    }

    /** The resource this query lists. */
    public ResourceSchema schema() {
        return schema;
    }

    /**
     * The converted filter values per attribute (OR within, AND across); elements may be null
     * (matches a null attribute, e.g. {@code protocol=any}).
     */
    public Map<String, List<Object>> filters() {
        return filters.values();
    }

    /** The tag filters ({@code tags}, {@code tags-any}, {@code not-tags}, {@code not-tags-any}). */
    public List<TagFilter> tagFilters() {
        return filters.tagFilters();
    }

    /** The raw {@code fields} values; empty means every attribute. */
    public List<String> fields() {
        return fields;
    }

    /** The requested sort keys, without the {@code id} tie-breaker. */
    public List<SortKey> sorts() {
        return sorts;
    }

    /**
     * The order actually used: the requested keys, then {@code id} ascending unless {@code id} is
     * already one of them (PaginationNativeHelper.update_args).
     */
    public List<SortKey> effectiveSorts() {
        List<SortKey> effective = new ArrayList<>(sorts);
        if (sorts.stream().noneMatch(s -> s.attribute().equals(ResourceSchema.PRIMARY_KEY))) {
            effective.add(new SortKey(ResourceSchema.PRIMARY_KEY, true));
        }
        return effective;
    }

    /** The page size after {@code pagination_max_limit}; 0 means no paging (and no links). */
    public int limit() {
        return limit;
    }

    /** The marker id; only present when paging and non-empty. */
    public Optional<String> marker() {
        return Optional.ofNullable(marker);
    }

    /** Whether {@code page_reverse} was {@code true} in any letter case (nothing else counts). */
    public boolean pageReverse() {
        return pageReverse;
    }

    /** Every query parameter as name/value pairs, in the map's order; used for links. */
    public List<Map.Entry<String, String>> parameters() {
        return parameters;
    }

    /** Whether a view passes the filters. */
    public boolean matches(Map<String, Object> view) {
        return filters.test(view, schema);
    }

    /** api_common.get_limit_and_marker: last value, Python int(), clamped by the configured maximum. */
    private static int limit(Map<String, List<String>> params, int maxLimit) {
        String raw = last(params, "limit");
        BigInteger value = raw == null ? BigInteger.ZERO : PythonText.parseInt(raw);
        if (value == null) {
            throw ListQueryRejection.invalidLimit(raw);
        }
        if (value.signum() < 0) {
            throw ListQueryRejection.invalidLimit(value.toString());
        }
        int limit = value.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        if (maxLimit > 0) {
            limit = Math.min(maxLimit, limit);
            if (limit == 0) {
                limit = maxLimit;
            }
        }
        return limit;
    }

    /** api_common.get_sorts, then neutron-lib's get_and_validate_sort_keys on the model. */
    private static List<SortKey> sorts(Map<String, List<String>> params, ResourceSchema schema) {
        List<String> keys = nonEmpty(params.get("sort_key"));
        List<String> dirs = nonEmpty(params.get("sort_dir"));
        if (keys.size() != dirs.size()) {
            throw ListQueryRejection.sortCountMismatch();
        }
        List<String> absent = keys.stream()
                .filter(k -> schema.attribute(k).map(a -> !a.sortable()).orElse(true))
                .toList();
        if (!absent.isEmpty()) {
            throw ListQueryRejection.invalidSortKeys(absent);
        }
        List<String> invalidDirs = dirs.stream().filter(d -> !d.equals("asc") && !d.equals("desc")).toList();
        if (!invalidDirs.isEmpty()) {
            throw ListQueryRejection.invalidSortDirs(invalidDirs);
        }
        List<SortKey> sorts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sorts.add(new SortKey(keys.get(i), dirs.get(i).equals("asc")));
        }
        for (SortKey sort : sorts) {
            if (!schema.attribute(sort.attribute()).orElseThrow().column()) {
                throw ListQueryRejection.notSortableColumn(schema.table(), sort.attribute());
            }
        }
        return sorts;
    }

    private static String last(Map<String, List<String>> params, String name) {
        List<String> values = nonNull(params.get(name));
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The values without nulls (JAX-RS never gives nulls, but a hand-built map might). */
    static List<String> nonNull(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null).toList();
    }

    /** api_common.list_args: blank values dropped. */
    private static List<String> nonEmpty(List<String> values) {
        return nonNull(values).stream().filter(v -> !v.isEmpty()).toList();
    }
}

package io.accessplane.secgroup.rest.listing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of a list query, read as neutron/api/api_common.py {@code get_filters_from_dict}
 * reads them, and the test of a view against them.
 *
 * @param values converted values per attribute (OR within one attribute, AND across attributes);
 *     an element may be null (matches null) or {@link FilterConversion#NO_MATCH}
 * @param tagFilters the tag filters, at most one per kind
 */
record QueryFilters(Map<String, List<Object>> values, List<TagFilter> tagFilters) {

    /** Parameters that are never filters (the {@code skips} of base.py / query_parameters.py). */
    static final Set<String> NOT_FILTERS = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    /**
     * Names {@code hasattr(model_base.BASEV2, key)} is true for; get_filters_from_dict skips them
     * silently (ModelBase/NeutronBaseV2 methods, DeclarativeBase members, object dunders).
     */
    static final Set<String> MODEL_BASE_NAMES = Set.of("get", "items", "iteritems", "keys", "metadata", "next",
            "registry", "save", "update", "_as_dict", "_extra_keys", "_sa_registry", "__class__", "__contains__",
            "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
            "__getitem__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__lt__",
            "__mapper_args__", "__module__", "__ne__", "__new__", "__next__", "__reduce__", "__reduce_ex__",
            "__repr__", "__setattr__", "__setitem__", "__sizeof__", "__str__", "__subclasshook__",
            "__table_args__", "__table_initialized__", "__tablename__", "__weakref__");

    QueryFilters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        tagFilters = List.copyOf(tagFilters);
    }

    /**
     * Reads the filters in parameter order. Converter errors are thrown at once; unknown or
     * non-filterable keys are collected and rejected together after the loop (when validating),
     * exactly like Neutron, so a conversion error wins over an invalid key.
     */
    static QueryFilters read(Map<String, List<String>> params, ResourceSchema schema, boolean validate) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        List<TagFilter> tagFilters = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            String key = entry.getKey();
            if (key == null || NOT_FILTERS.contains(key) || MODEL_BASE_NAMES.contains(key)) {
                continue;
            }
            TagMatch tagMatch = schema.tagged() ? TagMatch.forParameter(key) : null;
            Attribute attribute = schema.attribute(key).orElse(null);
            if (tagMatch == null && (attribute == null || !attribute.filterable())) {
                if (validate) {
                    invalid.add(key);
                }
                continue;
            }
            List<String> raw = ListQuery.nonNull(entry.getValue());
            if (raw.isEmpty()) {
                continue;
            }
            if (tagMatch != null) {
                tagFilters.add(TagFilter.of(tagMatch, raw));
            } else {
                List<Object> converted = new ArrayList<>();
                for (String value : raw) {
                    converted.add(attribute.conversion().convert(value));
                }
                values.put(key, converted);
            }
        }
        if (!invalid.isEmpty()) {
            throw ListQueryRejection.invalidFilters(invalid);
        }
        return new QueryFilters(values, tagFilters);
    }

    /** Whether the view passes every filter. */
    boolean test(Map<String, Object> view, ResourceSchema schema) {
        for (Map.Entry<String, List<Object>> entry : values.entrySet()) {
            Attribute attribute = schema.attribute(entry.getKey()).orElseThrow();
            List<Object> wanted = attribute.firstValueOnly() ? entry.getValue().subList(0, 1) : entry.getValue();
            Object actual = ViewField.read(view, entry.getKey());
            if (wanted.stream().noneMatch(w -> sameValue(w, actual))) {
                return false;
            }
        }
        if (!tagFilters.isEmpty()) {
            Collection<String> rowTags = tagsOf(view);
            for (TagFilter filter : tagFilters) {
                if (!filter.test(rowTags)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Collection<String> tagsOf(Map<String, Object> view) {
        Object tags = view.get("tags");
        List<String> out = new ArrayList<>();
        if (tags instanceof Collection<?> collection) {
            collection.forEach(t -> out.add(String.valueOf(t)));
        }
        return out;
    }

    /** SQL equality as Neutron's {@code column IN (...)} / {@code column == None} gives it. */
    private static boolean sameValue(Object wanted, Object actual) {
        if (wanted == FilterConversion.NO_MATCH) {
            return false;
        }
        if (wanted == null || actual == null) {
            return wanted == null && actual == null;
        }
        if (wanted instanceof Boolean) {
            return wanted.equals(actual);
        }
        if (wanted instanceof Long number) {
            return isIntegral(actual) && ((Number) actual).longValue() == number;
        }
        return wanted.equals(String.valueOf(actual));
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }
}

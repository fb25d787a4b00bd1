package io.accessplane.secgroup.rest.listing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order PostgreSQL gives Neutron's {@code ORDER BY}: the requested keys, each ascending or
 * descending, NULL greater than every value (NULLS LAST ascending, NULLS FIRST descending),
 * strings by code point, numbers numerically, enum columns by their declared order.
 */
final class RowOrder implements Comparator<Map<String, Object>> {

    private final List<SortKey> keys;
    private final ResourceSchema schema;

    RowOrder(List<SortKey> keys, ResourceSchema schema) {
        this.keys = List.copyOf(keys);
        this.schema = schema;
    }

    @Override
    public int compare(Map<String, Object> left, Map<String, Object> right) {
        for (SortKey key : keys) {
            Attribute attribute = schema.attribute(key.attribute()).orElse(null);
            int result = compareValues(ViewField.read(left, key.attribute()), ViewField.read(right, key.attribute()),
                    attribute == null ? List.of() : attribute.valueOrder());
            if (result != 0) {
                return key.ascending() ? result : -result;
            }
        }
        return 0;
    }

    private static int compareValues(Object left, Object right, List<String> valueOrder) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        if (!valueOrder.isEmpty()) {
            int byRank = Integer.compare(rank(left, valueOrder), rank(right, valueOrder));
            if (byRank != 0) {
                return byRank;
            }
        }
        if (left instanceof Number a && right instanceof Number b) {
            return isLong(a) && isLong(b) ? Long.compare(a.longValue(), b.longValue())
                    : Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return compareCodePoints(String.valueOf(left), String.valueOf(right));
    }

    private static boolean isLong(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte;
    }

    private static int rank(Object value, List<String> valueOrder) {
        int index = valueOrder.indexOf(String.valueOf(value));
        return index < 0 ? valueOrder.size() : index;
    }

    /** Compares by Unicode code point (what a C-collated PostgreSQL text column does). */
    static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }
}

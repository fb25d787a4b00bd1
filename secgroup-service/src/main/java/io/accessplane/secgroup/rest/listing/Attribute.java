package io.accessplane.secgroup.rest.listing;

import java.util.List;

/**
 * One attribute of a resource as Neutron's attribute map declares it for listing.
 *
 * @param name the attribute name in the views
 * @param type the kind of value it holds
 * @param filterable {@code is_filter}: may be used as a query filter
 * @param sortable {@code is_sort_key}: accepted as {@code sort_key} by the API layer
 * @param column false when the attribute is no database column, so sorting on it fails in
 *     neutron-lib's {@code get_and_validate_sort_keys} even though the API accepts it
 * @param conversion how filter values are converted ({@code convert_to})
 * @param valueOrder for enum columns, the declared order PostgreSQL sorts by; empty otherwise
 * @param firstValueOnly true when Neutron only looks at the first filter value (the RBAC
 *     {@code shared} filter in neutron-lib's {@code apply_filters})
 */
public record Attribute(String name, AttributeType type, boolean filterable, boolean sortable, boolean column,
        FilterConversion conversion, List<String> valueOrder, boolean firstValueOnly) {

    /** Freezes the value order. */
    public Attribute {
        valueOrder = List.copyOf(valueOrder);
    }

    /** A filterable, unsortable column compared after {@code conversion}. */
    public static Attribute filter(String name, AttributeType type, FilterConversion conversion) {
        return new Attribute(name, type, true, false, true, conversion, List.of(), false);
    }

    /** A filterable string column without conversion. */
    public static Attribute filter(String name) {
        return filter(name, AttributeType.STRING, FilterConversion.NONE);
    }

    /** A filterable and sortable column compared after {@code conversion}. */
    public static Attribute sortable(String name, AttributeType type, FilterConversion conversion) {
        return new Attribute(name, type, true, true, true, conversion, List.of(), false);
    }

    /** A filterable and sortable string column without conversion. */
    public static Attribute sortable(String name) {
        return sortable(name, AttributeType.STRING, FilterConversion.NONE);
    }

    /** An attribute that is shown but neither filterable nor sortable. */
    public static Attribute shown(String name, AttributeType type) {
        return new Attribute(name, type, false, false, true, FilterConversion.NONE, List.of(), false);
    }

    /** This attribute, declared as no database column. */
    public Attribute withoutColumn() {
        return new Attribute(name, type, filterable, sortable, false, conversion, valueOrder, firstValueOnly);
    }

    /** This attribute, sorted by the declared order of an enum type. */
    public Attribute withValueOrder(String... values) {
        return new Attribute(name, type, filterable, sortable, column, conversion, List.of(values), firstValueOnly);
    }

    /** This attribute, filtered on its first value only. */
    public Attribute withFirstValueOnly() {
        return new Attribute(name, type, filterable, sortable, column, conversion, valueOrder, true);
    }
}

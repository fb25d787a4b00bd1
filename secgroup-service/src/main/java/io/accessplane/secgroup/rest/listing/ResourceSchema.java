package io.accessplane.secgroup.rest.listing;

import static io.accessplane.secgroup.rest.listing.Attribute.filter;
import static io.accessplane.secgroup.rest.listing.Attribute.shown;
import static io.accessplane.secgroup.rest.listing.Attribute.sortable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What listing needs to know about one resource: its collection name (the response key), the
 * database table name Neutron puts in sort-key errors, its attributes, and whether the tag filters
 * apply. The primary key is always {@code id}.
 *
 * <p>The three schemas follow neutron's RESOURCE_ATTRIBUTE_MAPs (extensions/securitygroup.py,
 * extensions/security_groups_default_rules.py), the neutron-lib API definitions that extend them
 * (stateful, shared filtering, normalized cidr, remote address group, belongs_to_default_sg) and
 * the standard-attribute extensions (description and revision_number filterable; timestamps not).
 */
public record ResourceSchema(String collection, String table, List<Attribute> attributes, boolean tagged) {

    /** The attribute that identifies rows and serves as marker and final sort key. */
    public static final String PRIMARY_KEY = "id";

    private static final String[] DIRECTIONS = {"ingress", "egress"};

    /** {@code /v2.0/security-groups}. */
    public static final ResourceSchema SECURITY_GROUPS = new ResourceSchema("security_groups", "securitygroups",
            List.of(sortable("id"),
                    sortable("name"),
                    filter("description"),
                    sortable("project_id"),
                    sortable("tenant_id"),
                    filter("stateful", AttributeType.BOOLEAN, FilterConversion.BOOLEAN),
                    filter("shared", AttributeType.BOOLEAN, FilterConversion.BOOLEAN).withFirstValueOnly(),
                    filter("revision_number", AttributeType.INTEGER, FilterConversion.INTEGER),
                    shown("created_at", AttributeType.STRING),
                    shown("updated_at", AttributeType.STRING),
                    filter("tags", AttributeType.LIST, FilterConversion.NONE),
                    shown("security_group_rules", AttributeType.LIST)),
            true);

    /** {@code /v2.0/security-group-rules}. */
    public static final ResourceSchema SECURITY_GROUP_RULES = new ResourceSchema("security_group_rules",
            "securitygrouprules",
            List.of(sortable("id"),
                    sortable("security_group_id"),
                    sortable("direction").withValueOrder(DIRECTIONS),
                    sortable("ethertype", AttributeType.STRING, FilterConversion.ETHERTYPE),
                    sortable("protocol", AttributeType.STRING, FilterConversion.PROTOCOL),
                    sortable("port_range_min", AttributeType.INTEGER, FilterConversion.PORT),
                    sortable("port_range_max", AttributeType.INTEGER, FilterConversion.PORT),
                    sortable("remote_ip_prefix", AttributeType.STRING, FilterConversion.IP_PREFIX),
                    sortable("normalized_cidr").withoutColumn(),
                    sortable("remote_group_id"),
                    sortable("remote_address_group_id"),
                    filter("description"),
                    sortable("project_id"),
                    sortable("tenant_id"),
                    filter("revision_number", AttributeType.INTEGER, FilterConversion.INTEGER),
                    shown("created_at", AttributeType.STRING),
                    shown("updated_at", AttributeType.STRING),
                    filter("belongs_to_default_sg", AttributeType.BOOLEAN, FilterConversion.BOOLEAN_IF_NOT_NONE)),
            false);

    /** {@code /v2.0/default-security-group-rules}. */
    public static final ResourceSchema DEFAULT_SECURITY_GROUP_RULES = new ResourceSchema(
            "default_security_group_rules", "securitygroupdefaultrules",
            List.of(sortable("id"),
                    sortable("direction").withValueOrder(DIRECTIONS),
                    sortable("ethertype", AttributeType.STRING, FilterConversion.ETHERTYPE),
                    sortable("protocol", AttributeType.STRING, FilterConversion.PROTOCOL),
                    sortable("port_range_min", AttributeType.INTEGER, FilterConversion.PORT),
                    sortable("port_range_max", AttributeType.INTEGER, FilterConversion.PORT),
                    sortable("remote_ip_prefix", AttributeType.STRING, FilterConversion.IP_PREFIX),
                    sortable("remote_group_id"),
                    sortable("remote_address_group_id"),
                    filter("description"),
                    filter("used_in_default_sg", AttributeType.BOOLEAN, FilterConversion.BOOLEAN),
                    filter("used_in_non_default_sg", AttributeType.BOOLEAN, FilterConversion.BOOLEAN)),
            false);

    /** Freezes the attribute list. */
    public ResourceSchema {
        attributes = List.copyOf(attributes);
    }

    /** The attribute with this name, if the resource has it. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The attributes by name, in declaration order. */
    public Map<String, Attribute> attributesByName() {
        Map<String, Attribute> byName = new LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.name(), a));
        return byName;
    }
}

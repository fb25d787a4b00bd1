package io.accessplane.secgroup.rest.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How accepted query parameters are read. */
class ListQueryParseTest {

    private static final ResourceSchema SG = ResourceSchema.SECURITY_GROUPS;
    private static final ResourceSchema RULES = ResourceSchema.SECURITY_GROUP_RULES;

    @ParameterizedTest(name = "[{index}] ?{0} -> limit {2}")
    @CsvSource(delimiter = '|', value = {
        "                 | -1  | 0",
        "limit=0          | -1  | 0",
        "limit=5          | -1  | 5",
        "limit=%205%20    | -1  | 5",
        "limit=%2B5       | -1  | 5",
        "limit=007        | -1  | 7",
        "limit=1_000      | -1  | 1000",
        "limit=-0         | -1  | 0",
        "limit=3&limit=4  | -1  | 4",
        "limit=99999999999999999999 | -1 | 2147483647",
        "                 | 10  | 10",
        "limit=0          | 10  | 10",
        "limit=5          | 10  | 5",
        "limit=50         | 10  | 10",
        "limit=50         | 0   | 50",
    })
    void readsLimitLikeNeutron(String query, int maxLimit, int expected) {
        assertEquals(expected, ListQuery.parse(Requests.params(query), SG, new ListSettings(maxLimit, true)).limit());
    }

    @ParameterizedTest(name = "[{index}] ?{0} -> marker {1}")
    @CsvSource(delimiter = '|', value = {
        "marker=m1                   | ",
        "limit=2&marker=m1           | m1",
        "limit=2&marker=m1&marker=m2 | m2",
        "limit=2&marker=             | ",
        "limit=0&marker=m1           | ",
    })
    void keepsTheMarkerOnlyWhenPaging(String query, String expected) {
        assertEquals(Optional.ofNullable(expected), Requests.query(query, SG).marker());
    }

    @ParameterizedTest(name = "[{index}] page_reverse={0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "True  | true", "true | true", "TRUE | true", "tRuE | true",
        "False | false", "1 | false", "yes | false", "on | false", "t | false", "' true' | false", "'' | false",
    })
    void readsPageReverseAsOnlyTheWordTrue(String value, boolean expected) {
        assertEquals(expected, Requests.query("page_reverse=" + value.replace(" ", "%20"), SG).pageReverse());
    }

    @Test
    void pageReverseTakesTheLastValue() {
        assertFalse(Requests.query("page_reverse=true&page_reverse=false", SG).pageReverse());
        assertTrue(Requests.query("page_reverse=no&page_reverse=True", SG).pageReverse());
        assertFalse(Requests.query("", SG).pageReverse());
    }

    @Test
    void pairsSortKeysWithDirectionsAndAppendsId() {
        ListQuery query = Requests.query("sort_key=name&sort_dir=desc&sort_key=project_id&sort_dir=asc", SG);
        assertEquals(List.of(new SortKey("name", false), new SortKey("project_id", true)), query.sorts());
        assertEquals(List.of(new SortKey("name", false), new SortKey("project_id", true), new SortKey("id", true)),
                query.effectiveSorts());
    }

    @Test
    void doesNotAppendIdWhenItIsAlreadyASortKey() {
        ListQuery query = Requests.query("sort_key=id&sort_dir=desc&sort_key=name&sort_dir=asc", SG);
        assertEquals(List.of(new SortKey("id", false), new SortKey("name", true)), query.effectiveSorts());
        assertEquals(List.of(new SortKey("id", true)), Requests.query("", SG).effectiveSorts());
    }

    @Test
    void dropsBlankSortValuesBeforeCounting() {
        ListQuery query = Requests.query("sort_key=&sort_key=name&sort_dir=asc&sort_dir=", SG);
        assertEquals(List.of(new SortKey("name", true)), query.sorts());
        assertEquals(List.of(), Requests.query("sort_key=&sort_dir=", SG).sorts());
    }

    @Test
    void acceptsEverySortKeyNeutronDeclares() {
        for (String key : List.of("id", "name", "project_id", "tenant_id")) {
            assertEquals(1, Requests.query("sort_key=" + key + "&sort_dir=asc", SG).sorts().size(), key);
        }
        for (String key : List.of("id", "security_group_id", "direction", "ethertype", "protocol", "port_range_min",
                "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id", "project_id",
                "tenant_id")) {
            assertEquals(1, Requests.query("sort_key=" + key + "&sort_dir=desc", RULES).sorts().size(), key);
        }
        for (String key : List.of("id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max",
                "remote_ip_prefix", "remote_group_id", "remote_address_group_id")) {
            assertEquals(1, Requests.query("sort_key=" + key + "&sort_dir=asc",
                    ResourceSchema.DEFAULT_SECURITY_GROUP_RULES).sorts().size(), key);
        }
    }

    @Test
    void keepsRawFieldsIncludingBlanks() {
        assertEquals(List.of("id", "", "name"), Requests.query("fields=id&fields=&fields=name", SG).fields());
        assertEquals(List.of(), Requests.query("name=x", SG).fields());
    }

    @Test
    void convertsFilterValuesPerAttribute() {
        ListQuery query = Requests.query("name=a&name=&stateful=%20YES%20&shared=f&revision_number=3"
                + "&revision_number=x&id=i1", SG);
        assertEquals(Map.of("name", List.of("a", ""), "stateful", List.of(true), "shared", List.of(false),
                "revision_number", List.of(3L, FilterConversion.NO_MATCH), "id", List.of("i1")), query.filters());
    }

    @ParameterizedTest(name = "[{index}] {0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "protocol         | tcp            | tcp",
        "protocol         | TCP            | tcp",
        "protocol         | ANY            | any",
        "protocol         | IPv6-ICMP      | ipv6-icmp",
        "protocol         | 6              | 6",
        "protocol         | 06             | 06",
        "protocol         | %206           | ' 6'",
        "protocol         | 1_7            | 1_7",
        "protocol         | 255            | 255",
        "ethertype        | ipv4           | IPv4",
        "ethertype        | IPV6           | IPv6",
        "port_range_min   | 22             | 22",
        "port_range_min   | %2022%20       | 22",
        "port_range_max   | %2B0           | 0",
        "port_range_max   | 65535          | 65535",
        "remote_ip_prefix | 10.0.0.1       | 10.0.0.1/32",
        "remote_ip_prefix | 10.0.0.1/24    | 10.0.0.1/24",
        "remote_ip_prefix | 2001:DB8::/32  | 2001:db8::/32",
        "normalized_cidr  | 10.0.0.1       | 10.0.0.1",
        "direction        | INGRESS        | INGRESS",
        "belongs_to_default_sg | True      | true",
        "belongs_to_default_sg | 0         | false",
    })
    void convertsRuleFilters(String key, String raw, String expected) {
        Object value = Requests.query(key + "=" + raw, RULES).filters().get(key).get(0);
        assertEquals(expected, String.valueOf(value));
    }

    @Test
    void protocolAnyAndEmptyPrefixMeanNull() {
        Map<String, List<Object>> filters = Requests.query("protocol=any&remote_ip_prefix=", RULES).filters();
        assertEquals(Arrays.asList((Object) null), filters.get("protocol"));
        assertEquals(Arrays.asList((Object) null), filters.get("remote_ip_prefix"));
    }

    @Test
    void poolsTagValuesSplitOnCommas() {
        ListQuery query = Requests.query("tags=a,b&tags=c&tags-any=x&not-tags=&not-tags-any=y,,z", SG);
        List<TagFilter> filters = new ArrayList<>(query.tagFilters());
        assertEquals(List.of(new TagFilter(TagMatch.ALL, Set.of("a", "b", "c")),
                new TagFilter(TagMatch.ANY, Set.of("x")),
                new TagFilter(TagMatch.NOT_ALL, Set.of("")),
                new TagFilter(TagMatch.NOT_ANY, Set.of("y", "", "z"))), filters);
        assertEquals(Map.of(), query.filters());
    }

    @Test
    void ignoresNamesTheModelBaseHas() {
        ListQuery query = Requests.query("keys=1&get=2&__class__=3&metadata=4&update=5&name=n", SG);
        assertEquals(Map.of("name", List.of("n")), query.filters());
    }

    @Test
    void pagingParametersAreNotFilters() {
        ListQuery query = Requests.query("fields=id&sort_key=name&sort_dir=asc&limit=1&marker=m&page_reverse=x", SG);
        assertEquals(Map.of(), query.filters());
    }

    @Test
    void keepsParametersInMapOrderForLinks() {
        ListQuery query = ListQuery.parse(Requests.params("b=1&a=2&b=3"), SG, new ListSettings(-1, false));
        assertEquals(List.of(Map.entry("b", "1"), Map.entry("b", "3"), Map.entry("a", "2")), query.parameters());
    }

    @Test
    void decodesRawQueriesInFirstAppearanceOrder() {
        Map<String, List<String>> params = ListQuery.decodeQuery("b=1&a=x+y&b=%C3%A9&c");
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(params.keySet()));
        assertEquals(Map.of("b", List.of("1", "é"), "a", List.of("x y"), "c", List.of("")), params);
        assertEquals(Map.of(), ListQuery.decodeQuery(null));
    }
}

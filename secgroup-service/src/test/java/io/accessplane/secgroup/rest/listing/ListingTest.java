package io.accessplane.secgroup.rest.listing;

import static io.accessplane.secgroup.rest.listing.Requests.BASE;
import static io.accessplane.secgroup.rest.listing.Requests.get;
import static io.accessplane.secgroup.rest.listing.Requests.ids;
import static io.accessplane.secgroup.rest.listing.Requests.link;
import static io.accessplane.secgroup.rest.listing.Requests.rule;
import static io.accessplane.secgroup.rest.listing.Requests.sg;
import static io.accessplane.secgroup.rest.listing.Requests.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filtering, ordering, paging, links and fields on fixed data. */
class ListingTest {

    private static final ResourceSchema SG = ResourceSchema.SECURITY_GROUPS;
    private static final ResourceSchema RULES = ResourceSchema.SECURITY_GROUP_RULES;
    private static final String RULES_URL = "http://neutron:9696/v2.0/security-group-rules";

    /** Ids c, a, b (deliberately unsorted); names web, db, web. */
    private static final List<Map<String, Object>> THREE = List.of(
            with(sg("c", "web"), "tags", List.of("red", "blue")),
            with(with(sg("a", "db"), "tags", List.of("red")), "stateful", false),
            with(with(sg("b", "web"), "shared", true), "revision_number", 3));

    private static List<Object> idsOf(String query) {
        return ids(get(THREE, SG, BASE + "?" + query));
    }

    @ParameterizedTest(name = "[{index}] ?{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                 | a,b,c",
        "name=web                           | b,c",
        "name=web&name=db                   | a,b,c",
        "name=web&stateful=true             | b,c",
        "name=db&stateful=true              | ''",
        "stateful=0                         | a",
        "stateful=false&stateful=true       | a,b,c",
        "shared=true                        | b",
        "shared=true&shared=false           | b",
        "shared=false&shared=true           | a,c",
        "revision_number=3                  | b",
        "revision_number=%2B3               | b",
        "revision_number=1&revision_number=3 | a,b,c",
        "revision_number=three              | ''",
        "id=a&id=c                          | a,c",
        "project_id=p1                      | a,b,c",
        "tenant_id=p2                       | ''",
        "description=                       | a,b,c",
        "name=                              | ''",
        "tags=red                           | a,c",
        "tags=red,blue                      | c",
        "tags=red&tags=blue                 | c",
        "tags=                              | ''",
        "tags-any=blue,green                | c",
        "tags-any=green                     | ''",
        "not-tags=red,blue                  | a,b",
        "not-tags=                          | a,b,c",
        "not-tags-any=blue                  | a,b",
        "not-tags-any=red                   | b",
        "tags=red&not-tags-any=blue         | a",
        "keys=whatever&name=db              | a",
    })
    void filters(String query, String expected) {
        List<Object> want = expected.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(expected.split(",")));
        assertEquals(want, idsOf(query));
    }

    @Test
    void nullNeverEqualsAStringButEmptyStringMatchesEmpty() {
        List<Map<String, Object>> views = List.of(with(sg("a", null), "description", null), sg("b", ""));
        assertEquals(List.of("b"), ids(get(views, SG, BASE + "?name=")));
        assertEquals(List.of("b"), ids(get(views, SG, BASE + "?description=")));
    }

    @Test
    void tenantAndProjectFallBackOnEachOther() {
        Map<String, Object> onlyProject = sg("a", "x");
        onlyProject.remove("tenant_id");
        Map<String, Object> onlyTenant = sg("b", "y");
        onlyTenant.remove("project_id");
        List<Map<String, Object>> views = List.of(onlyProject, onlyTenant);
        assertEquals(List.of("a", "b"), ids(get(views, SG, BASE + "?tenant_id=p1")));
        assertEquals(List.of("a", "b"), ids(get(views, SG, BASE + "?project_id=p1")));
    }

    @Test
    void filtersRulesAfterConversion() {
        List<Map<String, Object>> rules = List.of(
                rule("r1", "ingress", "tcp", 22, "10.0.0.1/32"),
                rule("r2", "egress", null, null, null),
                rule("r3", "ingress", "6", 80, "2001:db8::/32"),
                with(rule("r4", "ingress", "icmp", null, "10.0.0.0/8"), "belongs_to_default_sg", true));
        assertEquals(List.of("r1"), ids(get(rules, RULES, RULES_URL + "?protocol=TCP")));
        assertEquals(List.of("r3"), ids(get(rules, RULES, RULES_URL + "?protocol=6")));
        assertEquals(List.of(), ids(get(rules, RULES, RULES_URL + "?protocol=06")));
        assertEquals(List.of("r2"), ids(get(rules, RULES, RULES_URL + "?protocol=any")));
        assertEquals(List.of("r1", "r2"), ids(get(rules, RULES, RULES_URL + "?protocol=any&protocol=tcp")));
        assertEquals(List.of("r1"), ids(get(rules, RULES, RULES_URL + "?remote_ip_prefix=10.0.0.1")));
        assertEquals(List.of("r3"), ids(get(rules, RULES, RULES_URL + "?remote_ip_prefix=2001:DB8:0::/32")));
        assertEquals(List.of("r2"), ids(get(rules, RULES, RULES_URL + "?remote_ip_prefix=")));
        assertEquals(List.of("r1", "r3"), ids(get(rules, RULES, RULES_URL + "?port_range_min=22&port_range_min=%2080")));
        assertEquals(List.of("r1", "r2", "r3", "r4"), ids(get(rules, RULES, RULES_URL + "?ethertype=ipv4&ethertype=IPV6")));
        assertEquals(List.of("r3"), ids(get(rules, RULES, RULES_URL + "?ethertype=ipv6")));
        assertEquals(List.of("r4"), ids(get(rules, RULES, RULES_URL + "?belongs_to_default_sg=yes")));
        assertEquals(List.of(), ids(get(rules, RULES, RULES_URL + "?port_range_min=22&port_range_max=80")));
        assertEquals(List.of("r2"), ids(get(rules, RULES, RULES_URL + "?direction=egress")));
        assertEquals(List.of(), ids(get(rules, RULES, RULES_URL + "?direction=EGRESS")));
    }

    @Test
    void sortsByIdByDefaultByCodePoint() {
        List<Map<String, Object>> views = List.of(sg("b", "x"), sg("é", "x"), sg("B", "x"), sg("a", "x"),
                sg("\uD83D\uDE00", "x"), sg("\uFF21", "x"));
        assertEquals(List.of("B", "a", "b", "é", "\uFF21", "\uD83D\uDE00"), ids(get(views, SG, BASE)));
    }

    @Test
    void sortsNullsAsLargestLikePostgres() {
        List<Map<String, Object>> views = List.of(sg("1", null), sg("2", "b"), sg("3", "a"), sg("4", null),
                sg("5", "a"));
        assertEquals(List.of("3", "5", "2", "1", "4"),
                ids(get(views, SG, BASE + "?sort_key=name&sort_dir=asc")));
        assertEquals(List.of("1", "4", "2", "3", "5"),
                ids(get(views, SG, BASE + "?sort_key=name&sort_dir=desc")));
        assertEquals(List.of("4", "1", "2", "5", "3"),
                ids(get(views, SG, BASE + "?sort_key=name&sort_dir=desc&sort_key=id&sort_dir=desc")));
    }

    @Test
    void sortsSeveralKeysInTurn() {
        List<Map<String, Object>> views = List.of(with(sg("1", "b"), "project_id", "p2"), sg("2", "b"),
                with(sg("3", "a"), "project_id", "p2"), sg("4", "a"));
        assertEquals(List.of("3", "1", "4", "2"),
                ids(get(views, SG, BASE + "?sort_key=project_id&sort_dir=desc&sort_key=name&sort_dir=asc")));
    }

    @Test
    void sortsRuleColumnsByTheirDatabaseTypes() {
        List<Map<String, Object>> rules = List.of(
                rule("r1", "egress", "tcp", 100, null),
                rule("r2", "ingress", "17", 9, null),
                rule("r3", "egress", "6", 20, null),
                rule("r4", "ingress", null, null, null));
        assertEquals(List.of("r2", "r4", "r1", "r3"),
                ids(get(rules, RULES, RULES_URL + "?sort_key=direction&sort_dir=asc")));
        assertEquals(List.of("r2", "r3", "r1", "r4"),
                ids(get(rules, RULES, RULES_URL + "?sort_key=port_range_min&sort_dir=asc")));
        assertEquals(List.of("r4", "r1", "r3", "r2"),
                ids(get(rules, RULES, RULES_URL + "?sort_key=port_range_min&sort_dir=desc")));
        assertEquals(List.of("r2", "r3", "r1", "r4"),
                ids(get(rules, RULES, RULES_URL + "?sort_key=protocol&sort_dir=asc")));
    }

    @Test
    void pagesForwardWithNeutronsLinks() {
        Page first = get(THREE, SG, BASE + "?limit=2");
        assertEquals(List.of("a", "b"), ids(first));
        assertEquals(BASE + "?limit=2&marker=b", link(first, "next"));
        assertEquals(BASE + "?limit=2&marker=a&page_reverse=True", link(first, "previous"));

        Page last = get(THREE, SG, link(first, "next"));
        assertEquals(List.of("c"), ids(last));
        assertNull(link(last, "next"));
        assertEquals(BASE + "?limit=2&marker=c&page_reverse=True", link(last, "previous"));

        Page back = get(THREE, SG, link(last, "previous"));
        assertEquals(List.of("a", "b"), ids(back));
        assertEquals(BASE + "?limit=2&marker=b", link(back, "next"));
        assertEquals(BASE + "?limit=2&marker=a&page_reverse=True", link(back, "previous"));

        Page beforeFirst = get(THREE, SG, link(back, "previous"));
        assertEquals(List.of(), ids(beforeFirst));
        assertEquals(List.of(new Link(BASE + "?limit=2", "next")), beforeFirst.links());
    }

    @Test
    void aFullLastPageStillHasANextLinkToAnEmptyPage() {
        Page full = get(THREE, SG, BASE + "?limit=3");
        assertEquals(List.of("a", "b", "c"), ids(full));
        assertEquals(BASE + "?limit=3&marker=c", link(full, "next"));
        Page empty = get(THREE, SG, link(full, "next"));
        assertEquals(List.of(), ids(empty));
        assertEquals(List.of(new Link(BASE + "?limit=3&page_reverse=True", "previous")), empty.links());
    }

    @Test
    void pageReverseWithoutMarkerGivesTheLastPageInOrder() {
        Page last = get(THREE, SG, BASE + "?limit=2&page_reverse=True");
        assertEquals(List.of("b", "c"), ids(last));
        assertEquals(BASE + "?limit=2&marker=c", link(last, "next"));
        assertEquals(BASE + "?limit=2&marker=b&page_reverse=True", link(last, "previous"));
        Page rest = get(THREE, SG, link(last, "previous"));
        assertEquals(List.of("a"), ids(rest));
        assertEquals(List.of(new Link(BASE + "?limit=2&marker=a", "next")), rest.links());
    }

    @Test
    void keepsOtherParametersInTheirOrderAndEncodesLikeUrlencode() {
        String url = BASE + "?fields=id&limit=1&name=a+b%2Fc&sort_key=name&sort_dir=asc&fields=name"
                + "&marker=zz&page_reverse=False&page_reverse=False";
        List<Map<String, Object>> views = List.of(sg("x1", "a b/c"), sg("x2", "a b/c"));
        Page page = get(views, SG, url);
        assertEquals(List.of(Map.of("id", "x1", "name", "a b/c")), page.items());
        assertEquals(BASE + "?fields=id&limit=1&name=a+b%2Fc&sort_key=name&sort_dir=asc&fields=name"
                + "&page_reverse=False&marker=x1", link(page, "next"));
        assertEquals(BASE + "?fields=id&limit=1&name=a+b%2Fc&sort_key=name&sort_dir=asc&fields=name"
                + "&marker=x1&page_reverse=True", link(page, "previous"));
    }

    @Test
    void usesTheParameterMapWhenTheUrlHasNoQuery() {
        ListQuery query = Requests.query("limit=1&tags=x,y", SG);
        List<Map<String, Object>> views = List.of(with(sg("q", "n"), "tags", List.of("x", "y")));
        Page page = Listing.apply(views, query, BASE);
        assertEquals(BASE + "?limit=1&tags=x%2Cy&marker=q", link(page, "next"));
    }

    @Test
    void unknownMarkerIsIgnored() {
        assertEquals(List.of("a", "b"), idsOf("limit=2&marker=nope"));
        assertEquals(List.of("b", "c"), idsOf("limit=2&marker=nope&page_reverse=True"));
    }

    @Test
    void markerPositionsEvenWhenFilteredOut() {
        assertEquals(List.of("c"), idsOf("limit=5&name=web&marker=b"));
        assertEquals(List.of("b", "c"), idsOf("limit=5&name=web&marker=a"));
        assertEquals(List.of("b"), idsOf("limit=5&name=web&marker=c&page_reverse=true"));
    }

    @Test
    void markerFollowsTheSortOrder() {
        String query = "limit=1&sort_key=name&sort_dir=desc&marker=";
        assertEquals(List.of("c"), idsOf(query + "b"));
        assertEquals(List.of("a"), idsOf(query + "c"));
        assertEquals(List.of(), idsOf(query + "a"));
        assertEquals(List.of("b"), idsOf(query + "c&page_reverse=True"));
    }

    @Test
    void noLimitMeansNoPagingNoLinksAndNoMarker() {
        Page page = get(THREE, SG, BASE + "?marker=a");
        assertEquals(List.of("a", "b", "c"), ids(page));
        assertEquals(List.of(), page.links());
        assertEquals(List.of("a", "b", "c"), idsOf("limit=0&marker=a"));
        assertEquals(Map.of("security_groups", page.items()), page.toBody("security_groups"));
    }

    @Test
    void pageReverseWithoutLimitReversesTheOrder() {
        assertEquals(List.of("c", "b", "a"), idsOf("page_reverse=True"));
        assertEquals(List.of("a", "b", "c"), idsOf("sort_key=id&sort_dir=desc&page_reverse=true"));
    }

    @Test
    void configuredMaximumPagesEvenWithoutLimit() {
        ListSettings max2 = new ListSettings(2, true);
        Page page = get(THREE, SG, BASE, max2);
        assertEquals(List.of("a", "b"), ids(page));
        assertEquals(BASE + "?marker=b", link(page, "next"));
        Page capped = get(THREE, SG, BASE + "?limit=50", max2);
        assertEquals(List.of("a", "b"), ids(capped));
        assertEquals(BASE + "?limit=50&marker=b", link(capped, "next"));
    }

    @Test
    void fieldsKeepOnlyNamedKeysInViewOrder() {
        Page page = get(THREE, SG, BASE + "?fields=name&fields=id&fields=bogus&limit=1");
        assertEquals(List.of(new ArrayList<>(List.of("id", "name"))),
                List.of(new ArrayList<>(page.items().get(0).keySet())));
        Page nameOnly = get(THREE, SG, BASE + "?fields=name&limit=1");
        assertEquals(List.of(Map.of("name", "db")), nameOnly.items());
        assertEquals(BASE + "?fields=name&limit=1&marker=a", link(nameOnly, "next"));
        assertEquals(List.of(Map.of(), Map.of(), Map.of()), get(THREE, SG, BASE + "?fields=").items());
        assertEquals(List.of(Map.of(), Map.of(), Map.of()), get(THREE, SG, BASE + "?fields=bogus").items());
    }

    @Test
    void returnsCopiesAndLeavesViewsAlone() {
        List<Map<String, Object>> views = new ArrayList<>(List.of(sg("b", "x"), sg("a", "y")));
        Page page = get(views, SG, BASE + "?fields=id");
        assertEquals(List.of("b", "a"), List.of(views.get(0).get("id"), views.get(1).get("id")));
        assertTrue(views.get(0).containsKey("name"));
        assertEquals(List.of(Map.of("id", "a"), Map.of("id", "b")), page.items());
    }

    @Test
    void buildsTheResponseBodyWithLinks() {
        Page page = get(THREE, SG, BASE + "?limit=1&fields=id");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("security_groups", List.of(Map.of("id", "a")));
        expected.put("security_groups_links", List.of(
                Map.of("href", BASE + "?limit=1&fields=id&marker=a", "rel", "next"),
                Map.of("href", BASE + "?limit=1&fields=id&marker=a&page_reverse=True", "rel", "previous")));
        assertEquals(expected, page.toBody("security_groups"));
    }

    @Test
    void repeatedMarkerAndPageReverseAreEditedLikeAMultiDict() {
        String url = BASE + "?limit=5&marker=x&marker=y&page_reverse=true&page_reverse=true";
        Page empty = get(List.of(), SG, url);
        assertEquals(List.of(new Link(BASE + "?limit=5&marker=y&page_reverse=true", "next")), empty.links());
    }
}

package io.accessplane.secgroup.rest.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For random data, filters, sort keys and limits: walking {@code next} links from the first page,
 * or {@code previous} links from the last page, visits every filtered row exactly once, in the
 * sorted order, in {@code floor(n / limit) + 1} requests.
 */
class PagingPropertyTest {

    private static final String[] ID_CHARS = {"a", "b", "c", "B", "C", "0", "9", "é", "\uD83D\uDE00"};
    private static final String[] NAMES = {null, "", "a", "b", "B", "é", "a b", "x,y"};
    private static final String[] PROJECTS = {null, "p1", "p2"};
    private static final String[] TAGS = {"x", "y", "z"};
    private static final String[] PROTOCOLS = {null, "tcp", "udp", "6", "17", "icmp"};
    private static final Integer[] PORTS = {null, 1, 22, 80, 443, 8080};
    private static final String[] PREFIXES = {null, "10.0.0.0/8", "10.0.0.1/32", "::/0", "2001:db8::/32"};

    /** One random filter: its query string and the rows it keeps. */
    private record Filter(String query, Predicate<Map<String, Object>> keeps) {
    }

    @ParameterizedTest(name = "security groups, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void securityGroupsWalkEveryRowOnce(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 60; round++) {
            List<Map<String, Object>> views = randomGroups(random);
            Filter filter = switch (random.nextInt(6)) {
                case 0 -> new Filter("stateful=true", v -> Boolean.TRUE.equals(v.get("stateful")));
                case 1 -> new Filter("name=a&name=B", v -> "a".equals(v.get("name")) || "B".equals(v.get("name")));
                case 2 -> new Filter("tags-any=x", v -> tags(v).contains("x"));
                case 3 -> new Filter("not-tags=x,y", v -> !tags(v).containsAll(List.of("x", "y")));
                case 4 -> new Filter("project_id=p1", v -> "p1".equals(v.get("project_id")));
                default -> new Filter("", v -> true);
            };
            List<String> keys = List.of("id", "name", "project_id", "tenant_id");
            walk(views, ResourceSchema.SECURITY_GROUPS, Requests.BASE, filter, randomSorts(random, keys),
                    1 + random.nextInt(7), random.nextBoolean() ? "" : "&fields=id", "seed " + seed + " round " + round);
        }
    }

    @ParameterizedTest(name = "rules, seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void rulesWalkEveryRowOnce(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 60; round++) {
            List<Map<String, Object>> views = randomRules(random);
            Filter filter = switch (random.nextInt(4)) {
                case 0 -> new Filter("direction=ingress", v -> "ingress".equals(v.get("direction")));
                case 1 -> new Filter("protocol=any&protocol=TCP",
                        v -> v.get("protocol") == null || "tcp".equals(v.get("protocol")));
                case 2 -> new Filter("remote_ip_prefix=10.0.0.1", v -> "10.0.0.1/32".equals(v.get("remote_ip_prefix")));
                default -> new Filter("", v -> true);
            };
            List<String> keys = List.of("id", "direction", "protocol", "port_range_min", "port_range_max",
                    "remote_ip_prefix", "security_group_id", "ethertype");
            walk(views, ResourceSchema.SECURITY_GROUP_RULES, "http://n/v2.0/security-group-rules", filter,
                    randomSorts(random, keys), 1 + random.nextInt(5), "", "seed " + seed + " round " + round);
        }
    }

    private static void walk(List<Map<String, Object>> views, ResourceSchema schema, String base, Filter filter,
            List<SortKey> sorts, int limit, String extra, String label) {
        StringBuilder query = new StringBuilder(filter.query());
        for (SortKey sort : sorts) {
            query.append("&sort_key=").append(sort.attribute()).append("&sort_dir=")
                    .append(sort.ascending() ? "asc" : "desc");
        }
        query.append(extra).append("&limit=").append(limit);
        List<Object> expected = expectedIds(views, filter, sorts);
        String context = label + ": ?" + query + " over " + views.size() + " rows";
        int requestsExpected = expected.size() / limit + 1;

        List<Object> forward = new ArrayList<>();
        int requests = 0;
        String url = base + "?" + query;
        while (url != null) {
            Page page = Requests.get(views, schema, url);
            assertTrue(page.items().size() <= limit, context);
            forward.addAll(Requests.ids(page));
            url = Requests.link(page, "next");
            assertNotNull(Requests.link(page, "previous"), "a forward page always links back, " + context);
            assertTrue(++requests <= expected.size() + 2, context);
        }
        assertEquals(expected, forward, context);
        assertEquals(requestsExpected, requests, "forward requests, " + context);

        List<Object> backward = new ArrayList<>();
        requests = 0;
        url = base + "?" + query + "&page_reverse=True";
        while (url != null) {
            Page page = Requests.get(views, schema, url);
            assertTrue(page.items().size() <= limit, context);
            backward.addAll(0, Requests.ids(page));
            url = Requests.link(page, "previous");
            assertTrue(++requests <= expected.size() + 2, context);
        }
        assertEquals(expected, backward, context);
        assertEquals(requestsExpected, requests, "backward requests, " + context);
    }

    /** An independent reference: filter, then sort by the keys plus id, nulls last ascending. */
    private static List<Object> expectedIds(List<Map<String, Object>> views, Filter filter, List<SortKey> sorts) {
        List<SortKey> keys = new ArrayList<>(sorts);
        if (sorts.stream().noneMatch(s -> s.attribute().equals("id"))) {
            keys.add(new SortKey("id", true));
        }
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<Map<String, Object>> one = (a, b) -> reference(a.get(key.attribute()), b.get(key.attribute()),
                    key.attribute());
            order = order.thenComparing(key.ascending() ? one : one.reversed());
        }
        return views.stream().filter(filter.keeps()).sorted(order).map(v -> v.get("id")).toList();
    }

    private static int reference(Object a, Object b, String attribute) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? 1 : -1);
        }
        if (attribute.equals("direction")) {
            return Boolean.compare(a.equals("egress"), b.equals("egress"));
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        return Arrays.compare(((String) a).codePoints().toArray(), ((String) b).codePoints().toArray());
    }

    private static List<SortKey> randomSorts(Random random, List<String> keys) {
        List<SortKey> sorts = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            sorts.add(new SortKey(keys.get(random.nextInt(keys.size())), random.nextBoolean()));
        }
        return sorts;
    }

    private static List<Map<String, Object>> randomGroups(Random random) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (String id : randomIds(random)) {
            Map<String, Object> view = Requests.sg(id, pick(random, NAMES));
            String project = pick(random, PROJECTS);
            view.put("project_id", project);
            view.put("tenant_id", project);
            view.put("stateful", random.nextBoolean());
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextBoolean()) {
                    tags.add(tag);
                }
            }
            view.put("tags", tags);
            views.add(view);
        }
        return views;
    }

    private static List<Map<String, Object>> randomRules(Random random) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (String id : randomIds(random)) {
            Map<String, Object> view = Requests.rule(id, random.nextBoolean() ? "ingress" : "egress",
                    pick(random, PROTOCOLS), pick(random, PORTS), pick(random, PREFIXES));
            view.put("port_range_max", pick(random, PORTS));
            view.put("security_group_id", random.nextBoolean() ? "sg1" : "sg2");
            views.add(new LinkedHashMap<>(view));
        }
        return views;
    }

    private static List<String> randomIds(Random random) {
        int count = random.nextInt(26);
        Set<String> ids = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < count) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                id.append(pick(random, ID_CHARS));
            }
            if (ids.add(id.toString())) {
                ordered.add(id.toString());
            }
        }
        return ordered;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> tags(Map<String, Object> view) {
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) view.get("tags");
        return tags;
    }
}

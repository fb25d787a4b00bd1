package io.accessplane.secgroup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleTemplatesTest {

    private final RuleTemplates templates = new RuleTemplates();
    private final RuleNormaliser normaliser = new RuleNormaliser();
    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Test
    void webServer() {
        List<RuleRequest> rules = templates.expand("web-server", Map.of("admin_cidr", "10.20.0.0/16",
                "security_group_id", "sg-web"));
        assertEquals(List.of(
                new RuleRequest("ingress", "IPv4", "tcp", 22, 22, "10.20.0.0/16", null, null,
                        "web-server: SSH from admin network", "sg-web"),
                new RuleRequest("ingress", "IPv4", "tcp", 80, 80, "0.0.0.0/0", null, null,
                        "web-server: HTTP from anywhere (IPv4)", "sg-web"),
                new RuleRequest("ingress", "IPv6", "tcp", 80, 80, "::/0", null, null,
                        "web-server: HTTP from anywhere (IPv6)", "sg-web"),
                new RuleRequest("ingress", "IPv4", "tcp", 443, 443, "0.0.0.0/0", null, null,
                        "web-server: HTTPS from anywhere (IPv4)", "sg-web"),
                new RuleRequest("ingress", "IPv6", "tcp", 443, 443, "::/0", null, null,
                        "web-server: HTTPS from anywhere (IPv6)", "sg-web")), rules);
        GroupRules group = asGroup("sg-web", rules);
        assertTrue(allowed(group, Flow.of("ingress", "IPv4", "tcp", 22, "10.20.3.4")));
        assertTrue(!allowed(group, Flow.of("ingress", "IPv4", "tcp", 22, "10.21.3.4")));
        assertTrue(allowed(group, Flow.of("ingress", "IPv6", "tcp", 443, "2a00:1450::1")));
        assertTrue(allowed(group, Flow.of("ingress", "IPv4", "tcp", 80, "203.0.113.7")));
        assertTrue(!allowed(group, Flow.of("ingress", "IPv4", "tcp", 8080, "203.0.113.7")));
    }

    @Test
    void webServerWithAnIpv6AdminNetworkGetsAnIpv6SshRule() {
        RuleRequest ssh = templates.expand("web-server", Map.of("admin_cidr", "2001:db8:ad::/48")).get(0);
        assertEquals("IPv6", ssh.ethertype());
        assertEquals(null, ssh.securityGroupId());
        assertEquals("IPv6", normaliser.normalise(ssh.withSecurityGroupId("g")).ethertype());
    }

    @Test
    void databaseDefaultsToPostgres() {
        List<RuleRequest> rules = templates.expand("database", Map.of("app_group_id", "sg-app",
                "admin_cidr", "192.168.10.0/24", "security_group_id", "sg-db"));
        assertEquals(List.of(
                new RuleRequest("ingress", "IPv4", "tcp", 5432, 5432, null, "sg-app", null,
                        "database: database from application servers (IPv4)", "sg-db"),
                new RuleRequest("ingress", "IPv6", "tcp", 5432, 5432, null, "sg-app", null,
                        "database: database from application servers (IPv6)", "sg-db"),
                new RuleRequest("ingress", "IPv4", "tcp", 22, 22, "192.168.10.0/24", null, null,
                        "database: SSH from admin network", "sg-db")), rules);
        GroupRules group = asGroup("sg-db", rules);
        Flow fromApp = Flow.of("ingress", "IPv4", "tcp", 5432, "10.0.0.5").withRemoteGroups(Set.of("sg-app"));
        assertTrue(allowed(group, fromApp));
        assertTrue(!allowed(group, fromApp.withRemoteGroups(Set.of("sg-other"))));
        assertTrue(allowed(group, Flow.of("ingress", "IPv4", "tcp", 22, "192.168.10.9")));
    }

    @Test
    void databasePortCanBeChosen() {
        List<RuleRequest> rules = templates.expand("database", Map.of("app_group_id", "sg-app",
                "admin_cidr", "192.168.10.0/24", "db_port", "3306"));
        assertEquals(3306, rules.get(0).portRangeMin());
        assertEquals(3306, rules.get(1).portRangeMax());
    }

    @Test
    void bastion() {
        List<RuleRequest> rules = templates.expand("bastion", Map.of("corporate_cidr", "198.51.100.0/24"));
        assertEquals(List.of(new RuleRequest("ingress", "IPv4", "tcp", 22, 22, "198.51.100.0/24", null, null,
                "bastion: SSH from corporate network", null)), rules);
    }

    @Test
    void everyTemplateNormalisesWithoutDuplicates() {
        Map<String, Map<String, String>> examples = Map.of(
                "web-server", Map.of("admin_cidr", "10.0.0.1"),
                "database", Map.of("app_group_id", "a", "admin_cidr", "::1", "db_port", "1"),
                "bastion", Map.of("corporate_cidr", "0.0.0.0/0"));
        assertEquals(RuleTemplates.NAMES, examples.keySet());
        examples.forEach((name, params) -> {
            Map<String, String> withGroup = new HashMap<>(params);
            withGroup.put("security_group_id", "sg");
            List<NormalizedRule> rules = normaliser.normaliseBulk(templates.expand(name, withGroup));
            new RuleDuplicates().check(rules, List.of());
        });
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "nginx      |                                   | Invalid input for operation: Unknown rule template 'nginx'; known templates are bastion, database, web-server.",
        "           |                                   | Invalid input for operation: Unknown rule template 'null'; known templates are bastion, database, web-server.",
        "Web-Server | admin_cidr=10.0.0.0/8             | Invalid input for operation: Unknown rule template 'Web-Server'; known templates are bastion, database, web-server.",
        "web-server |                                   | Invalid input for operation: Rule template 'web-server' requires parameter 'admin_cidr'.",
        "web-server | admin_cidr=                       | Invalid input for operation: Rule template 'web-server' requires parameter 'admin_cidr'.",
        "web-server | admin_cidr=10.0.0.0/33            | Invalid input for operation: Parameter 'admin_cidr' of rule template 'web-server' must be an IP address or CIDR, not '10.0.0.0/33'.",
        "web-server | admin_cidr=office                 | Invalid input for operation: Parameter 'admin_cidr' of rule template 'web-server' must be an IP address or CIDR, not 'office'.",
        "web-server | admin_cidr=10.0.0.0/8,db_port=1   | Invalid input for operation: Unknown parameter 'db_port' for rule template 'web-server'; accepted parameters are admin_cidr, security_group_id.",
        "bastion    | corporate-cidr=10.0.0.0/8         | Invalid input for operation: Unknown parameter 'corporate-cidr' for rule template 'bastion'; accepted parameters are corporate_cidr, security_group_id.",
        "bastion    | admin_cidr=10.0.0.0/8             | Invalid input for operation: Unknown parameter 'admin_cidr' for rule template 'bastion'; accepted parameters are corporate_cidr, security_group_id.",
        "database   | admin_cidr=10.0.0.0/8             | Invalid input for operation: Rule template 'database' requires parameter 'app_group_id'.",
        "database   | app_group_id=a                    | Invalid input for operation: Rule template 'database' requires parameter 'admin_cidr'.",
        "database   | app_group_id=a,admin_cidr=10.0.0.0/8,db_port=0 | Invalid input for operation: Parameter 'db_port' of rule template 'database' must be an integer from 1 to 65535, not '0'.",
        "database   | app_group_id=a,admin_cidr=10.0.0.0/8,db_port=65536 | Invalid input for operation: Parameter 'db_port' of rule template 'database' must be an integer from 1 to 65535, not '65536'.",
        "database   | app_group_id=a,admin_cidr=10.0.0.0/8,db_port=pg | Invalid input for operation: Parameter 'db_port' of rule template 'database' must be an integer from 1 to 65535, not 'pg'.",
        "database   | app_group_id=a,admin_cidr=10.0.0.0/8,db_port= | Invalid input for operation: Parameter 'db_port' of rule template 'database' must be an integer from 1 to 65535, not ''.",
    })
    void refusesBadInputWith400(String template, String params, String message) {
        Map<String, String> map = new HashMap<>();
        if (params != null) {
            for (String pair : params.split(",")) {
                String[] kv = pair.split("=", -1);
                map.put(kv[0], kv[1]);
            }
        }
        RuleRejection rejection = assertThrows(RuleRejection.class, () -> templates.expand(template, map));
        assertEquals(400, rejection.status());
        assertEquals("InvalidInput", rejection.type());
        assertEquals(message, rejection.message());
    }

    private GroupRules asGroup(String id, List<RuleRequest> requests) {
        List<NormalizedRule> rules = normaliser.normaliseBulk(requests);
        RuleEntry[] entries = new RuleEntry[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            entries[i] = new RuleEntry(id + "-" + i, rules.get(i));
        }
        return TestRules.group(id, true, entries);
    }

    private boolean allowed(GroupRules group, Flow flow) {
        return evaluator.evaluate(flow, List.of(group)).allowed();
    }
}

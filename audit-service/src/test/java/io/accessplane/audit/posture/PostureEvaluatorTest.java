package io.accessplane.audit.posture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.repository.InventoryRepository.CredentialItem;
import io.accessplane.audit.repository.InventoryRepository.KeypairItem;
import io.accessplane.audit.repository.InventoryRepository.LoginItem;
import io.accessplane.audit.repository.InventoryRepository.RuleItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The posture checklist on hand-made inventories: each check fails on its case and passes on the near miss. */
class PostureEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    final PostureEvaluator evaluator = new PostureEvaluator();

    static Instant daysAgo(int d) {
        return NOW.minus(Duration.ofDays(d));
    }

    static KeypairItem key(String id, String algorithm, Integer bits, Instant created) {
        return new KeypairItem(id, "p", "u", id, algorithm, bits, "fp", false, created, "u", null);
    }

    static CredentialItem cred(String id, List<String> roles, boolean unrestricted, Instant expires, Instant created,
            Instant lastUsed) {
        return new CredentialItem(id, "p", "u", id, roles, unrestricted, expires, created, "u", lastUsed, null);
    }

    static RuleItem rule(String id, String protocol, Integer min, Integer max, String prefix) {
        return new RuleItem(id, "p", "sg", "ingress", "IPv4", protocol, min, max, prefix, null, NOW);
    }

    Map<String, List<String>> failing(List<KeypairItem> keys, List<CredentialItem> creds, List<RuleItem> rules,
            List<LoginItem> logins) {
        PostureReport r = evaluator.evaluate("p", keys, creds, rules, logins, NOW);
        return r.checks().stream().filter(c -> !c.passed()).collect(Collectors.toMap(CheckResult::id,
                c -> c.findings().stream().map(Finding::resourceId).toList()));
    }

    @Test
    void aCleanProjectScoresOneHundred() {
        PostureReport r = evaluator.evaluate("p", List.of(key("k", "ed25519", 256, daysAgo(10))),
                List.of(cred("c", List.of("member"), false, NOW.plus(Duration.ofDays(30)), daysAgo(5), daysAgo(1))),
                List.of(rule("r", "tcp", 443, 443, "0.0.0.0/0")), List.of(), NOW);
        assertEquals(100, r.score());
        assertTrue(r.checks().stream().allMatch(CheckResult::passed));
        assertEquals(PostureCheck.values().length, r.checks().size());
    }

    @Test
    void keyAgeAndStrength() {
        Map<String, List<String>> f = failing(List.of(key("old", "ed25519", 256, daysAgo(91)),
                key("fresh", "ed25519", 256, daysAgo(89)), key("rsa1024", "rsa", 1024, daysAgo(1)),
                key("rsa2048", "rsa", 2048, daysAgo(1)), key("dsa", "dsa", 1024, daysAgo(1))), List.of(), List.of(), List.of());
        assertEquals(List.of("old"), f.get("P1"));
        assertEquals(List.of("rsa1024", "dsa"), f.get("P2"));
    }

    @Test
    void credentialChecks() {
        Map<String, List<String>> f = failing(List.of(), List.of(
                cred("forever", List.of("member"), false, null, daysAgo(1), daysAgo(1)),
                cred("wide", List.of("member"), true, NOW.plusSeconds(60), daysAgo(1), daysAgo(1)),
                cred("boss", List.of("admin", "member"), false, NOW.plusSeconds(60), daysAgo(1), daysAgo(1)),
                cred("idle", List.of("member"), false, NOW.plusSeconds(60), daysAgo(60), daysAgo(46)),
                cred("never", List.of("member"), false, NOW.plusSeconds(60), daysAgo(46), null),
                cred("busy", List.of("member"), false, NOW.plusSeconds(60), daysAgo(44), null),
                cred("aged", List.of("member"), false, NOW.plusSeconds(60), daysAgo(91), daysAgo(1))),
                List.of(), List.of());
        assertEquals(List.of("forever"), f.get("P3"));
        assertEquals(List.of("wide"), f.get("P4"));
        assertEquals(List.of("boss"), f.get("P5"));
        assertEquals(List.of("idle", "never"), f.get("P8"));
        assertEquals(List.of("aged"), f.get("P9"));
    }

    @Test
    void worldOpenPorts() {
        Map<String, List<String>> f = failing(List.of(), List.of(), List.of(
                rule("ssh", "tcp", 22, 22, "0.0.0.0/0"),
                rule("ssh-private", "tcp", 22, 22, "10.0.0.0/8"),
                rule("rdp6", "tcp", 3389, 3389, "::/0"),
                rule("range", "tcp", 1, 1024, "0.0.0.0/0"),
                rule("all", null, null, null, "0.0.0.0/0"),
                rule("udp22", "udp", 22, 22, "0.0.0.0/0"),
                rule("mysql", "tcp", 3306, 3306, "0.0.0.0/0"),
                rule("icmp", "icmp", null, null, "0.0.0.0/0"),
                rule("https", "tcp", 443, 443, "0.0.0.0/0"),
                new RuleItem("egress", "p", "sg", "egress", "IPv4", "tcp", 22, 22, "0.0.0.0/0", null, NOW)),
                List.of());
        assertEquals(List.of("ssh", "rdp6", "range", "all"), f.get("P6"));
        assertEquals(List.of("ssh", "rdp6", "range", "all", "udp22", "mysql"), f.get("P7"));
    }

    @Test
    void automationOnPasswords() {
        LoginItem bot = new LoginItem("bot", "p", "password", 12, daysAgo(3), daysAgo(0), "[\"Terraform/1.9 gophercloud/2\"]");
        LoginItem human = new LoginItem("human", "p", "password", 50, daysAgo(3), daysAgo(0), "[\"openstacksdk/4.0\"]");
        LoginItem rare = new LoginItem("rare", "p", "password", 9, daysAgo(3), daysAgo(0), "[\"terraform\"]");
        CredentialItem botCred = new CredentialItem("c", "p", "bot2", "c", List.of("member"), false,
                NOW.plusSeconds(60), daysAgo(1), "bot2", daysAgo(1), null);
        LoginItem bot2 = new LoginItem("bot2", "p", "password", 30, daysAgo(3), daysAgo(0), "[\"ansible\"]");
        Map<String, List<String>> f = failing(List.of(), List.of(botCred), List.of(), List.of(bot, human, rare, bot2));
        assertEquals(List.of("bot"), f.get("P10"));
    }

    @Test
    void theScoreFallsByEachFailingChecksWeight() {
        PostureReport r = evaluator.evaluate("p", List.of(), List.of(),
                List.of(rule("ssh", "tcp", 22, 22, "0.0.0.0/0")), List.of(), NOW);
        assertEquals(100 - 15 - 30, r.score());
    }
}

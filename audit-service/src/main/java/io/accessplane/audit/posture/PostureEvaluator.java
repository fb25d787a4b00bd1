package io.accessplane.audit.posture;

import io.accessplane.audit.repository.InventoryRepository.CredentialItem;
import io.accessplane.audit.repository.InventoryRepository.KeypairItem;
import io.accessplane.audit.repository.InventoryRepository.LoginItem;
import io.accessplane.audit.repository.InventoryRepository.RuleItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores a project's inventory against {@link PostureCheck}; pure, so it is tested without a database. */
public final class PostureEvaluator {

    /** Ports Security Hub's EC2.19 treats as high risk when open to the world. */
    public static final Set<Integer> HIGH_RISK_PORTS = Set.of(20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434,
            3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300);

    /** User-agent fragments of tools that run unattended. */
    static final List<String> AUTOMATION_AGENTS = List.of("terraform", "gophercloud", "ansible", "python-requests",
            "go-http-client", "curl/", "java/", "okhttp", "pulumi");

    /** Password logins from automation above which P10 fires. */
    static final int AUTOMATION_LOGINS = 10;

    private static final Duration KEY_MAX_AGE = Duration.ofDays(90);
    private static final Duration UNUSED = Duration.ofDays(45);

    /** The report for one project's inventory at {@code now}. */
    public PostureReport evaluate(String projectId, List<KeypairItem> keys, List<CredentialItem> credentials,
            List<RuleItem> rules, List<LoginItem> logins, Instant now) {
        Map<PostureCheck, List<Finding>> findings = new EnumMap<>(PostureCheck.class);
        for (PostureCheck c : PostureCheck.values()) {
            findings.put(c, new ArrayList<>());
        }
        for (KeypairItem k : keys) {
            if (k.createdAt().isBefore(now.minus(KEY_MAX_AGE))) {
                findings.get(PostureCheck.KEY_AGE).add(new Finding("keypair", k.keyId(), k.name(),
                        "created " + k.createdAt() + " (" + Duration.between(k.createdAt(), now).toDays() + " days)"));
            }
            String algorithm = k.algorithm() == null ? "" : k.algorithm().toLowerCase(Locale.ROOT);
            if (algorithm.equals("dsa") || (algorithm.equals("rsa") && k.bits() != null && k.bits() < 2048)) {
                findings.get(PostureCheck.WEAK_KEY).add(new Finding("keypair", k.keyId(), k.name(),
                        algorithm + (k.bits() == null ? "" : " " + k.bits() + " bits")));
            }
        }
        Set<String> usersWithCredentials = new HashSet<>();
        for (CredentialItem c : credentials) {
            usersWithCredentials.add(c.userId());
            if (c.expiresAt() == null) {
                findings.get(PostureCheck.CREDENTIAL_NEVER_EXPIRES).add(credential(c, "no expires_at"));
            }
            if (c.unrestricted()) {
                findings.get(PostureCheck.CREDENTIAL_UNRESTRICTED).add(credential(c, "unrestricted: true"));
            }
            if (c.roles().contains("admin")) {
                findings.get(PostureCheck.CREDENTIAL_ADMIN).add(credential(c, "roles " + c.roles()));
            }
            Instant lastUse = c.lastUsedAt() != null ? c.lastUsedAt() : c.createdAt();
            if (lastUse.isBefore(now.minus(UNUSED))) {
                findings.get(PostureCheck.CREDENTIAL_UNUSED).add(credential(c,
                        c.lastUsedAt() == null ? "never used since " + c.createdAt() : "last used " + c.lastUsedAt()));
            }
            if (c.createdAt().isBefore(now.minus(KEY_MAX_AGE))) {
                findings.get(PostureCheck.CREDENTIAL_AGE).add(credential(c, "created " + c.createdAt()));
            }
        }
        for (RuleItem r : rules) {
            if (!WorldOpenRule.isWorldOpenIngress(r)) {
                continue;
            }
            List<Integer> admin = WorldOpenRule.coveredPorts(r, Set.of(22, 3389), true);
            if (!admin.isEmpty()) {
                findings.get(PostureCheck.WORLD_ADMIN_PORT).add(rule(r, admin));
            }
            List<Integer> risky = WorldOpenRule.coveredPorts(r, HIGH_RISK_PORTS, false);
            if (!risky.isEmpty()) {
                findings.get(PostureCheck.WORLD_HIGH_RISK_PORT).add(rule(r, risky));
            }
        }
        for (LoginItem l : logins) {
            if (l.method().equals("password") && l.count() >= AUTOMATION_LOGINS && automation(l.userAgents())
                    && !usersWithCredentials.contains(l.userId())) {
                findings.get(PostureCheck.PASSWORD_AUTOMATION).add(new Finding("user", l.userId(), null,
                        l.count() + " password logins from " + l.userAgents() + ", no application credential"));
            }
        }
        List<CheckResult> results = new ArrayList<>();
        int score = 100;
        for (Map.Entry<PostureCheck, List<Finding>> e : findings.entrySet()) {
            CheckResult r = CheckResult.of(e.getKey(), e.getValue());
            if (!r.passed()) {
                score -= e.getKey().weight();
            }
            results.add(r);
        }
        return new PostureReport(projectId, Math.max(0, score), now, results);
    }

    private static boolean automation(String userAgents) {
        String agents = userAgents == null ? "" : userAgents.toLowerCase(Locale.ROOT);
        return AUTOMATION_AGENTS.stream().anyMatch(agents::contains);
    }

    private static Finding credential(CredentialItem c, String detail) {
        return new Finding("application_credential", c.credentialId(), c.name(), detail);
    }

    private static Finding rule(RuleItem r, List<Integer> ports) {
        String range = r.portMin() == null ? "all ports" : r.portMin() + "-" + r.portMax();
        return new Finding("security_group_rule", r.ruleId(), null, (r.protocol() == null ? "any" : r.protocol()) + " "
                + range + " from " + (r.remoteIpPrefix() == null ? "anywhere" : r.remoteIpPrefix())
                + " (security group " + r.securityGroupId() + ") covers " + ports);
    }
}

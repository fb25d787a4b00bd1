package io.accessplane.secgroup.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ready-made rule sets for common roles, expanded from a template name and string parameters into
 * plain {@link RuleRequest}s (which still go through {@link RuleNormaliser}).
 *
 * <p>Templates and their parameters:
 * <ul>
 *   <li>{@code web-server}: {@code admin_cidr} (required) — ingress TCP 22 from {@code admin_cidr};
 *       TCP 80 and 443 from {@code 0.0.0.0/0} (IPv4) and {@code ::/0} (IPv6).</li>
 *   <li>{@code database}: {@code app_group_id} (required), {@code admin_cidr} (required),
 *       {@code db_port} (optional, default 5432) — ingress TCP {@code db_port} from members of
 *       {@code app_group_id}, for IPv4 and IPv6; TCP 22 from {@code admin_cidr}.</li>
 *   <li>{@code bastion}: {@code corporate_cidr} (required) — ingress TCP 22 from {@code corporate_cidr}.</li>
 * </ul>
 * Every template also takes {@code security_group_id} (optional), copied into each rule. A CIDR may
 * be IPv4 or IPv6; the rule's ethertype follows it. Unknown templates, unknown, missing or invalid
 * parameters are refused with a 400 {@code InvalidInput}.
 */
public final class RuleTemplates {

    /** The template names. */
    public static final Set<String> NAMES = Set.of("web-server", "database", "bastion");

    /** Parameter copied into every rule. */
    public static final String SECURITY_GROUP_ID = "security_group_id";
    /** CIDR of the administrators' network. */
    public static final String ADMIN_CIDR = "admin_cidr";
    /** Security group whose members are the application servers. */
    public static final String APP_GROUP_ID = "app_group_id";
    /** Database port, 1-65535. */
    public static final String DB_PORT = "db_port";
    /** CIDR of the corporate network. */
    public static final String CORPORATE_CIDR = "corporate_cidr";

    /** Default {@code db_port}: PostgreSQL. */
    public static final int DEFAULT_DB_PORT = 5432;

    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            "web-server", Set.of(SECURITY_GROUP_ID, ADMIN_CIDR),
            "database", Set.of(SECURITY_GROUP_ID, APP_GROUP_ID, DB_PORT, ADMIN_CIDR),
            "bastion", Set.of(SECURITY_GROUP_ID, CORPORATE_CIDR));

    /** Expands {@code template} with {@code parameters} (null means none). */
    public List<RuleRequest> expand(String template, Map<String, String> parameters) {
        Map<String, String> params = parameters == null ? Map.of() : parameters;
        if (template == null || !NAMES.contains(template)) {
            throw RuleRejection.invalidInput("Unknown rule template '" + template + "'; known templates are "
                    + String.join(", ", new TreeSet<>(NAMES)));
        }
        Set<String> accepted = ACCEPTED.get(template);
        for (String name : new TreeSet<>(params.keySet())) {
            if (!accepted.contains(name)) {
                throw RuleRejection.invalidInput("Unknown parameter '" + name + "' for rule template '" + template
                        + "'; accepted parameters are " + String.join(", ", new TreeSet<>(accepted)));
            }
        }
        Builder b = new Builder(template, params);
        switch (template) {
            case "web-server" -> {
                b.fromCidr(22, required(template, params, ADMIN_CIDR, true), "SSH from admin network");
                for (int port : new int[] {80, 443}) {
                    String what = port == 80 ? "HTTP" : "HTTPS";
                    b.fromCidr(port, "0.0.0.0/0", what + " from anywhere (IPv4)");
                    b.fromCidr(port, "::/0", what + " from anywhere (IPv6)");
                }
            }
            case "database" -> {
                String appGroup = required(template, params, APP_GROUP_ID, false);
                int dbPort = port(template, params);
                b.fromGroup(dbPort, NormalizedRule.IPV4, appGroup, "database from application servers (IPv4)");
                b.fromGroup(dbPort, NormalizedRule.IPV6, appGroup, "database from application servers (IPv6)");
                b.fromCidr(22, required(template, params, ADMIN_CIDR, true), "SSH from admin network");
            }
            default -> b.fromCidr(22, required(template, params, CORPORATE_CIDR, true), "SSH from corporate network");
        }
        return b.rules;
    }

    private static String required(String template, Map<String, String> params, String name, boolean cidr) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw RuleRejection.invalidInput("Rule template '" + template + "' requires parameter '" + name + "'");
        }
        if (cidr && IpPrefix.tryParse(value) == null) {
            throw RuleRejection.invalidInput("Parameter '" + name + "' of rule template '" + template
                    + "' must be an IP address or CIDR, not '" + value + "'");
        }
        return value;
    }

    private static int port(String template, Map<String, String> params) {
        String value = params.get(DB_PORT);
        if (value == null) {
            return DEFAULT_DB_PORT;
        }
        BigInteger parsed = value.isBlank() ? null : DecimalText.parse(value);
        if (parsed == null || parsed.compareTo(BigInteger.ONE) < 0 || parsed.compareTo(BigInteger.valueOf(65535)) > 0) {
            throw RuleRejection.invalidInput("Parameter '" + DB_PORT + "' of rule template '" + template
                    + "' must be an integer from 1 to 65535, not '" + value + "'");
        }
        return parsed.intValue();
    }

    /** Collects the rules of one expansion. */
    private static final class Builder {
        private final String template;
        private final String groupId;
        private final List<RuleRequest> rules = new ArrayList<>();

        Builder(String template, Map<String, String> params) {
            this.template = template;
            this.groupId = params.get(SECURITY_GROUP_ID);
        }

        void fromCidr(int port, String cidr, String what) {
            String ethertype = "IPv" + IpPrefix.parse(cidr).version();
            rules.add(new RuleRequest(NormalizedRule.INGRESS, ethertype, "tcp", port, port, cidr, null, null,
                    template + ": " + what, groupId));
        }

        void fromGroup(int port, String ethertype, String remoteGroupId, String what) {
            rules.add(new RuleRequest(NormalizedRule.INGRESS, ethertype, "tcp", port, port, null, remoteGroupId, null,
                    template + ": " + what, groupId));
        }
    }
}

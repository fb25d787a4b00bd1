package io.accessplane.audit.posture;

/** The checklist operators score a project against, with the control each one follows. */
public enum PostureCheck {
    KEY_AGE("P1", "Key pairs older than 90 days", "medium", "IAM.3 (key rotation)"),
    WEAK_KEY("P2", "Weak key pairs (RSA under 2048 bits, DSA)", "medium", "NIST SP 800-57"),
    CREDENTIAL_NEVER_EXPIRES("P3", "Application credentials that never expire", "medium", "IAM.4 analogue"),
    CREDENTIAL_UNRESTRICTED("P4", "Unrestricted application credentials (may create credentials)", "high",
            "Keystone unrestricted flag"),
    CREDENTIAL_ADMIN("P5", "Application credentials carrying the admin role", "high", "least privilege"),
    WORLD_ADMIN_PORT("P6", "SSH (22) or RDP (3389) open to the world", "high", "EC2.13 / EC2.14"),
    WORLD_HIGH_RISK_PORT("P7", "High-risk ports open to the world", "critical", "EC2.19"),
    CREDENTIAL_UNUSED("P8", "Application credentials unused for 45 days", "low", "IAM.22"),
    CREDENTIAL_AGE("P9", "Application credentials older than 90 days", "medium", "IAM.3"),
    PASSWORD_AUTOMATION("P10", "Automation logging in with passwords instead of an application credential", "low",
            "Keystone application credentials guidance");

    private final String id;
    private final String title;
    private final String severity;
    private final String anchor;

    PostureCheck(String id, String title, String severity, String anchor) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.anchor = anchor;
    }

    /** Short id, P1..P10. */
    public String id() {
        return id;
    }

    /** What the check looks for. */
    public String title() {
        return title;
    }

    /** low, medium, high or critical. */
    public String severity() {
        return severity;
    }

    /** The control it follows. */
    public String anchor() {
        return anchor;
    }

    /** Points a failing check takes off the score of 100. */
    public int weight() {
        return switch (severity) {
            case "critical" -> 30;
            case "high" -> 15;
            case "medium" -> 8;
            default -> 3;
        };
    }
}

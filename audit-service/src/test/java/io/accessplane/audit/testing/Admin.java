package io.accessplane.audit.testing;

import io.accessplane.platform.testing.TestTokens;
import java.util.List;

/** Tokens for the audit API's tests. */
public final class Admin {

    private Admin() {
    }

    /** An administrator of the admin project. */
    public static String token() {
        return TestTokens.sign(TestTokens.claims("admin-user", "admin-project", List.of("admin", "member", "reader")));
    }

    /** A user with the given roles in a project. */
    public static String token(String user, String project, String... roles) {
        return TestTokens.sign(TestTokens.claims(user, project, List.of(roles)));
    }
}

package io.accessplane.platform.security;

/** Names of the claims in an accessplane token, shared by the issuer and every verifier. */
public final class TokenClaims {
    /** User id (standard {@code sub}). */
    public static final String USER_ID = "sub";
    /** User name. */
    public static final String USER_NAME = "user_name";
    /** The user's domain id. */
    public static final String USER_DOMAIN_ID = "user_domain_id";
    /** Scoped project id. */
    public static final String PROJECT_ID = "project_id";
    /** Scoped project name. */
    public static final String PROJECT_NAME = "project_name";
    /** The project's domain id. */
    public static final String PROJECT_DOMAIN_ID = "project_domain_id";
    /** Role names, implied roles included (MicroProfile JWT {@code groups}). */
    public static final String ROLES = "groups";
    /** Application credential the token was minted from, if any. */
    public static final String APPLICATION_CREDENTIAL_ID = "app_cred_id";
    /** Whether that application credential may manage other credentials. */
    public static final String APPLICATION_CREDENTIAL_UNRESTRICTED = "app_cred_unrestricted";
    /** Audit id of the token (standard {@code jti}), as Keystone's {@code audit_ids[0]}. */
    public static final String AUDIT_ID = "jti";
    /** Authentication methods used, e.g. {@code password}. */
    public static final String METHODS = "methods";

    private TokenClaims() {
    }
}

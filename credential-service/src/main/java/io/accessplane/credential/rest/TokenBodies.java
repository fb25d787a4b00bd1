package io.accessplane.credential.rest;

import io.accessplane.credential.service.AuthStore;
import io.accessplane.credential.service.Catalog;
import io.accessplane.credential.service.IssuedToken;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders tokens in Keystone's {@code {"token":{...}}} shape. */
public final class TokenBodies {

    /** Keystone's timestamp format, e.g. {@code 2026-11-22T09:25:02.000000Z}. */
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TokenBodies() {
    }

    /** A time as Keystone prints it. */
    public static String time(Instant instant) {
        return instant == null ? null : KEYSTONE_TIME.format(instant);
    }

    /** The default domain as an object. */
    public static Map<String, String> defaultDomain() {
        return Map.of("id", AuthStore.DEFAULT_DOMAIN_ID, "name", AuthStore.DEFAULT_DOMAIN_NAME);
    }

    /** The body for a token, with or without the catalog. */
    public static Map<String, Object> body(IssuedToken t, Catalog catalog, boolean withCatalog) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("methods", t.methods());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("domain", defaultDomain());
        user.put("id", t.userId());
        user.put("name", t.userName());
        user.put("password_expires_at", null);
        token.put("user", user);
        token.put("audit_ids", List.of(t.auditId()));
        token.put("expires_at", time(t.expiresAt()));
        token.put("issued_at", time(t.issuedAt()));
        if (t.scoped()) {
            token.put("project", Map.of("domain", defaultDomain(), "id", t.projectId(), "name", t.projectName()));
            token.put("is_domain", false);
            token.put("roles", t.roles().stream().map(r -> Map.of("id", r.id(), "name", r.name())).toList());
            if (withCatalog) {
                token.put("catalog", catalog.services());
            }
        }
        if (t.applicationCredentialId() != null) {
            token.put("application_credential", Map.of("id", t.applicationCredentialId(),
                    "name", t.applicationCredentialName() == null ? "" : t.applicationCredentialName(),
                    "restricted", !t.applicationCredentialUnrestricted()));
        }
        return Map.of("token", token);
    }
}

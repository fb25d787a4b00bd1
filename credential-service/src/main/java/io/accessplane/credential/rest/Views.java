package io.accessplane.credential.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessplane.credential.repository.AccessRule;
import io.accessplane.credential.repository.ApplicationCredential;
import io.accessplane.credential.repository.IdentityUser;
import io.accessplane.credential.repository.Project;
import io.accessplane.credential.service.BuiltInRoles;
import io.accessplane.credential.service.BuiltInRoles.RoleRef;
import java.util.List;
import java.util.Map;

/** The JSON views of identity resources, in Keystone's field names. */
public final class Views {

    private Views() {
    }

    /** A project. */
    public record ProjectView(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("domain_id") String domainId, @JsonProperty("description") String description,
            @JsonProperty("enabled") boolean enabled, @JsonProperty("is_domain") boolean isDomain,
            @JsonProperty("parent_id") String parentId, @JsonProperty("tags") List<String> tags,
            @JsonProperty("options") Map<String, Object> options, @JsonProperty("links") Map<String, String> links) {

        /** The view of a project entity. */
        public static ProjectView of(Project p, String base) {
            return new ProjectView(p.id, p.name, p.domainId, p.description, p.enabled, false, p.domainId, List.of(),
                    Map.of(), Map.of("self", base + "/projects/" + p.id));
        }
    }

    /** A user; never its password or hash. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record UserView(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("domain_id") String domainId, @JsonProperty("enabled") boolean enabled,
            @JsonProperty("default_project_id") String defaultProjectId,
            @JsonProperty("description") String description, @JsonProperty("email") String email,
            @JsonProperty("password_expires_at") @JsonInclude(JsonInclude.Include.ALWAYS) String passwordExpiresAt,
            @JsonProperty("options") Map<String, Object> options, @JsonProperty("links") Map<String, String> links) {

        /** The view of a user entity. */
        public static UserView of(IdentityUser u, String base) {
            return new UserView(u.id, u.name, u.domainId, u.enabled, u.defaultProjectId,
                    u.description == null || u.description.isEmpty() ? null : u.description, u.email, null, Map.of(),
                    Map.of("self", base + "/users/" + u.id));
        }
    }

    /** A role. */
    public record RoleView(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("domain_id") String domainId, @JsonProperty("description") String description,
            @JsonProperty("options") Map<String, Object> options, @JsonProperty("links") Map<String, String> links) {

        /** The view of a built-in role. */
        public static RoleView of(RoleRef r, String base) {
            return new RoleView(r.id(), r.name(), null, null, Map.of(), Map.of("self", base + "/roles/" + r.id()));
        }
    }

    /** An access rule. */
    public record AccessRuleView(@JsonProperty("id") String id, @JsonProperty("service") String service,
            @JsonProperty("path") String path, @JsonProperty("method") String method,
            @JsonProperty("links") Map<String, String> links) {

        /** The view of an access rule. */
        public static AccessRuleView of(AccessRule r, String base) {
            return new AccessRuleView(r.id, r.service, r.path, r.method,
                    Map.of("self", base + "/users/" + r.userId + "/access_rules/" + r.id));
        }
    }

    /** An application credential; {@code secret} only in the create response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationCredentialView(@JsonProperty("id") String id, @JsonProperty("name") String name,
            @JsonProperty("description") @JsonInclude(JsonInclude.Include.ALWAYS) String description,
            @JsonProperty("user_id") String userId, @JsonProperty("project_id") String projectId,
            @JsonProperty("system") @JsonInclude(JsonInclude.Include.ALWAYS) String system,
            @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt,
            @JsonProperty("unrestricted") boolean unrestricted,
            @JsonProperty("roles") List<Map<String, Object>> roles,
            @JsonProperty("access_rules") List<AccessRuleView> accessRules,
            @JsonProperty("secret") String secret,
            @JsonProperty("last_used_at") @JsonInclude(JsonInclude.Include.ALWAYS) String lastUsedAt,
            @JsonProperty("last_used_from") @JsonInclude(JsonInclude.Include.ALWAYS) String lastUsedFrom,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("links") Map<String, String> links) {

        /** The view of a credential, with the secret only when given (at creation). */
        public static ApplicationCredentialView of(ApplicationCredential c, List<AccessRule> rules, String secret,
                String base) {
            List<Map<String, Object>> roles = BuiltInRoles.ALL.stream().filter(r -> c.roleIds.contains(r.id()))
                    .map(r -> Map.<String, Object>of("id", r.id(), "name", r.name(), "options", Map.of()))
                    .toList();
            return new ApplicationCredentialView(c.id, c.name, c.description, c.userId, c.projectId, null,
                    TokenBodies.time(c.expiresAt), c.unrestricted, roles,
                    rules.stream().map(r -> AccessRuleView.of(r, base)).toList(), secret,
                    TokenBodies.time(c.lastUsedAt), c.lastUsedFrom, TokenBodies.time(c.createdAt),
                    Map.of("self", base + "/users/" + c.userId + "/application_credentials/" + c.id));
        }
    }
}

package io.accessplane.credential.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.credential.service.AuthRequest;
import io.accessplane.credential.service.AuthRequest.Method;
import io.accessplane.credential.service.AuthRequest.ProjectRef;
import io.accessplane.credential.service.AuthRequest.UserRef;
import java.util.Set;

/** Validates a {@code POST /v3/auth/tokens} body into an {@link AuthRequest}, with Keystone's 400s and 401s. */
public final class AuthRequestParser {

    private AuthRequestParser() {
    }

    /** The request, or a {@link KeystoneException} saying what is wrong. */
    public static AuthRequest parse(JsonNode root) {
        JsonNode auth = JsonBody.wrapped(root, "auth");
        JsonNode identity = auth.get("identity");
        if (identity == null || !identity.isObject()) {
            throw KeystoneException.invalidField("identity", "'identity' is a required property");
        }
        JsonNode methods = identity.get("methods");
        if (methods == null || !methods.isArray() || methods.isEmpty()) {
            throw KeystoneException.invalidField("methods", "'methods' is a required non-empty array");
        }
        if (methods.size() != 1 || !methods.get(0).isTextual()) {
            throw KeystoneException.unauthorized("Only one authentication method is supported per request.");
        }
        String method = methods.get(0).textValue();
        ProjectRef scope = parseScope(auth.get("scope"));
        switch (method) {
            case "password" -> {
                JsonNode password = object(identity, "password");
                JsonNode user = object(password, "user");
                String secret = JsonBody.optionalText(user, "password", 4096);
                if (secret == null || secret.isEmpty()) {
                    throw KeystoneException.invalidField("password", "'password' is a required property");
                }
                return new AuthRequest(Method.PASSWORD, userRef(user), secret, null, null, null, scope);
            }
            case "application_credential" -> {
                JsonNode cred = object(identity, "application_credential");
                String secret = JsonBody.optionalText(cred, "secret", 4096);
                if (secret == null || secret.isEmpty()) {
                    throw KeystoneException.invalidField("secret", "'secret' is a required property");
                }
                String id = JsonBody.optionalString(cred, "id", 64);
                String name = JsonBody.optionalString(cred, "name", 255);
                UserRef user = null;
                if (id == null) {
                    if (name == null) {
                        throw KeystoneException.invalidField("application_credential",
                                "either 'id' or 'name' with 'user' is required");
                    }
                    user = userRef(object(cred, "user"));
                }
                if (scope != null) {
                    throw KeystoneException.unauthorized("Application credentials cannot request a scope.");
                }
                return new AuthRequest(Method.APPLICATION_CREDENTIAL, user, null, id, name, secret, null);
            }
            default -> throw KeystoneException.unauthorized("Attempted to authenticate with an unsupported method.");
        }
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw KeystoneException.invalidField(field, "'" + field + "' is a required property");
        }
        return n;
    }

    /** An object named by id, or by name within a domain given by id or name. */
    private record NamedRef(String id, String name, String domainId, String domainName) {
    }

    private static NamedRef namedRef(JsonNode node, String kind, int maxName) {
        String id = JsonBody.optionalString(node, "id", 64);
        String name = JsonBody.optionalString(node, "name", maxName);
        if (id == null && name == null) {
            throw KeystoneException.invalidField(kind, "either 'id' or 'name' is required");
        }
        if (id != null) {
            return new NamedRef(id, name, null, null);
        }
        JsonNode domain = node.get("domain");
        if (domain == null || !domain.isObject()) {
            throw KeystoneException.invalidField("domain", "a " + kind + " given by name needs its 'domain'");
        }
        String domainId = JsonBody.optionalString(domain, "id", 64);
        String domainName = JsonBody.optionalString(domain, "name", 64);
        if (domainId == null && domainName == null) {
            throw KeystoneException.invalidField("domain", "either 'id' or 'name' is required");
        }
        return new NamedRef(null, name, domainId, domainName);
    }

    private static UserRef userRef(JsonNode user) {
        NamedRef r = namedRef(user, "user", 255);
        return new UserRef(r.id(), r.name(), r.domainId(), r.domainName());
    }

    private static ProjectRef parseScope(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return null;
        }
        if (scope.isTextual() && "unscoped".equals(scope.textValue())) {
            return null;
        }
        if (!scope.isObject()) {
            throw KeystoneException.invalidField("scope", "must be an object");
        }
        JsonBody.onlyKnown(scope, "scope", Set.of("project", "domain", "system", "OS-TRUST:trust"));
        if (scope.has("domain") || scope.has("system") || scope.has("OS-TRUST:trust")) {
            throw KeystoneException.unauthorized("Only project scope is supported by this identity service.");
        }
        NamedRef r = namedRef(object(scope, "project"), "project", 64);
        return new ProjectRef(r.id(), r.name(), r.domainId(), r.domainName());
    }
}

package io.accessplane.credential.service;

/**
 * A parsed {@code POST /v3/auth/tokens} body: either a password or an application credential,
 * with an optional project scope. Secrets are held only for the time of the request.
 */
public record AuthRequest(Method method, UserRef user, String password, String credentialId,
        String credentialName, String secret, ProjectRef scope) {

    /** The authentication method. */
    public enum Method {
        PASSWORD("password"),
        APPLICATION_CREDENTIAL("application_credential");

        private final String wireName;

        Method(String wireName) {
            this.wireName = wireName;
        }

        /** Keystone's name of the method. */
        public String wireName() {
            return wireName;
        }
    }

    /** A user by id, or by name within a domain given by id or name. */
    public record UserRef(String id, String name, String domainId, String domainName) {
    }

    /** A project by id, or by name within a domain given by id or name. */
    public record ProjectRef(String id, String name, String domainId, String domainName) {
    }

    @Override
    public String toString() {
        return "AuthRequest[" + method + ", user=" + user + ", credential=" + credentialId + "/" + credentialName
                + ", scope=" + scope + "]";
    }
}

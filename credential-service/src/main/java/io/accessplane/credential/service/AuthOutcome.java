package io.accessplane.credential.service;

/**
 * The result of checking credentials inside a transaction: a token, or a refusal to be recorded
 * (in a transaction of its own, so the failure event survives) and answered with a 401.
 */
public record AuthOutcome(IssuedToken token, String reason, String message, String userId, String credentialId) {

    /** Success. */
    public static AuthOutcome ok(IssuedToken token) {
        return new AuthOutcome(token, null, null, token.userId(), token.applicationCredentialId());
    }

    /** Refusal with a reason code and the message the caller sees. */
    public static AuthOutcome refused(String reason, String message, String userId, String credentialId) {
        return new AuthOutcome(null, reason, message, userId, credentialId);
    }

    /** Whether a token was issued. */
    public boolean succeeded() {
        return token != null;
    }
}

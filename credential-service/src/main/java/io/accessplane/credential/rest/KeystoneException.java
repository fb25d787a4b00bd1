package io.accessplane.credential.rest;

/**
 * A failure to report in Keystone's error shape {@code {"error":{"code","title","message"}}}.
 * The message is shown to the caller: it never contains a secret.
 */
public class KeystoneException extends RuntimeException {

    private final int status;
    private final String title;

    public KeystoneException(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Keystone's title for the status. */
    public String title() {
        return title;
    }

    /** 400 Bad Request. */
    public static KeystoneException badRequest(String message) {
        return new KeystoneException(400, "Bad Request", message);
    }

    /** 400 for a body field that fails validation, in Keystone's words. */
    public static KeystoneException invalidField(String field, String why) {
        return badRequest("Invalid input for field '" + field + "': " + why);
    }

    /** 401 Unauthorized. */
    public static KeystoneException unauthorized(String message) {
        return new KeystoneException(401, "Unauthorized", message);
    }

    /** 401 with Keystone's generic message. */
    public static KeystoneException unauthenticated() {
        return unauthorized("The request you have made requires authentication.");
    }

    /** 403 for a policy refusal, naming the rule as Keystone does. */
    public static KeystoneException forbiddenAction(String rule) {
        return new KeystoneException(403, "Forbidden",
                "You are not authorized to perform the requested action: " + rule + ".");
    }

    /** 403 with a specific message. */
    public static KeystoneException forbidden(String message) {
        return new KeystoneException(403, "Forbidden", message);
    }

    /** 404 Not Found for a kind of resource and its id. */
    public static KeystoneException notFound(String kind, String id) {
        return new KeystoneException(404, "Not Found", "Could not find " + kind + ": " + id + ".");
    }

    /** 409 Conflict. */
    public static KeystoneException conflict(String message) {
        return new KeystoneException(409, "Conflict", message);
    }

    /** Whether a failure is PostgreSQL's unique violation (a concurrent insert won the race). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("23505") || m.contains("duplicate key value")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

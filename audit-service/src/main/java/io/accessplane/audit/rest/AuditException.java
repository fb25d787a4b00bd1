package io.accessplane.audit.rest;

/** A request the audit API refuses on purpose, with the HTTP status and the message the caller sees. */
public class AuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public AuditException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** 400 with the given message. */
    public static AuditException badRequest(String message) {
        return new AuditException(400, message);
    }

    /** 403: the caller may not see or change this. */
    public static AuditException forbidden() {
        return new AuditException(403, "You are not authorized to perform the requested action.");
    }

    /** 404 for the named thing. */
    public static AuditException notFound(String what) {
        return new AuditException(404, "Could not find " + what + ".");
    }
}

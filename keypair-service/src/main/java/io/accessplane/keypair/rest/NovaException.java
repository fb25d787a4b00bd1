package io.accessplane.keypair.rest;

/** A failure to report as a Nova fault body {@code {"<kind>":{"code":N,"message":"..."}}}. */
public class NovaException extends RuntimeException {

    private final int status;

    public NovaException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Nova's fault name for a status. */
    public static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "notAcceptable";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 415 -> "unsupportedMediaType";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    /** 400. */
    public static NovaException badRequest(String message) {
        return new NovaException(400, message);
    }

    /** 403. */
    public static NovaException forbidden(String message) {
        return new NovaException(403, message);
    }

    /** 404 for a key pair. */
    public static NovaException keypairNotFound(String name, String userId) {
        return new NovaException(404, "Keypair " + name + " not found for user " + userId);
    }

    /** 409. */
    public static NovaException conflict(String message) {
        return new NovaException(409, message);
    }
}

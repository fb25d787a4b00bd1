package io.accessplane.secgroup.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure rendered as Neutron's {@code {"NeutronError":{"type","message","detail"}}} with its status. */
public class NeutronException extends RuntimeException {

    private final int status;
    private final String type;

    public NeutronException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Neutron's exception class name. */
    public String type() {
        return type;
    }

    /** The error body Neutron sends: {@code {"NeutronError": {"type", "message", "detail": ""}}}. */
    public Map<String, Object> toBody() {
        return body(type, getMessage());
    }

    /** Neutron's error body for a type and message. */
    public static Map<String, Object> body(String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        error.put("detail", "");
        return Map.of("NeutronError", error);
    }

    /** 404 for a group the caller cannot see or that does not exist. */
    public static NeutronException groupNotFound(String id) {
        return new NeutronException(404, "SecurityGroupNotFound", "Security group " + id + " does not exist");
    }

    /** 404 for a rule the caller cannot see or that does not exist. */
    public static NeutronException ruleNotFound(String id) {
        return new NeutronException(404, "SecurityGroupRuleNotFound", "Security group rule " + id + " does not exist");
    }

    /** 400 with Neutron's generic bad-request type. */
    public static NeutronException badRequest(String message) {
        return new NeutronException(400, "HTTPBadRequest", message);
    }

    /** 400 for an invalid attribute value. */
    public static NeutronException invalidInput(String reason) {
        return new NeutronException(400, "InvalidInput", "Invalid input for operation: " + reason + ".");
    }

    /** 409 when a project would exceed a quota. */
    public static NeutronException overQuota(String resource) {
        return new NeutronException(409, "OverQuota", "Quota exceeded for resources: ['" + resource + "'].");
    }

    /** 403 when policy refuses an action the caller could see. */
    public static NeutronException policy(String rule) {
        return new NeutronException(403, "PolicyNotAuthorized", "(rule:" + rule + ") is disallowed by policy");
    }

    /** 412 when If-Match names another revision. */
    public static NeutronException revisionMismatch(long expected, long current) {
        return new NeutronException(412, "RevisionNumberConstraintFailed",
                "Constrained to " + expected + ", but current revision is " + current);
    }
}

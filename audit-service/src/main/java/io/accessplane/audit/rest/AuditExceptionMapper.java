package io.accessplane.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.platform.persistence.DatabaseFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every failure of the audit API in one shape, Keystone's:
 * {@code {"error": {"code": 400, "title": "Bad Request", "message": "..."}}}.
 */
public class AuditExceptionMapper {

    private static final Logger LOG = Logger.getLogger(AuditExceptionMapper.class);

    /** The body and status of an error. */
    public static Response error(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("title", title(status));
        error.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    /** A failure raised on purpose. */
    @ServerExceptionMapper
    public Response audit(AuditException e) {
        return error(e.status(), e.getMessage());
    }

    /** No or a bad token. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return error(401, "The request you have made requires authentication.");
    }

    /** A role check failed. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "You are not authorized to perform the requested action.");
    }

    /** A body that is not JSON. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return error(400, "The request body is not valid JSON.");
    }

    /** Routing and content negotiation failures from the framework. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for this resource.";
            case 406 -> "The requested media type is not available.";
            case 415 -> "The request body must be JSON.";
            case 400 -> "The request is malformed.";
            default -> "The request could not be served.";
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return error(status, message);
    }

    /** Anything unexpected: logged, 500 without details; an unreachable database is a 503. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnstorableText(e)) {
            return error(400, "Invalid input: text must not contain NUL characters.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return error(503, "The service is temporarily unavailable, please retry.");
        }
        LOG.error("unexpected failure", e);
        return error(500, "An unexpected error prevented the server from fulfilling your request.");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}

package io.accessplane.credential.rest;

import io.accessplane.platform.persistence.DatabaseFailures;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.platform.security.SecurityConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure of the identity API in Keystone's error shape. */
public class KeystoneExceptionMapper {

    private static final Logger LOG = Logger.getLogger(KeystoneExceptionMapper.class);
    private final SecurityConfig security;

    public KeystoneExceptionMapper(SecurityConfig security) {
        this.security = security;
    }

    /** A failure raised on purpose. */
    @ServerExceptionMapper
    public Response keystone(KeystoneException e) {
        return render(e.status(), e.title(), e.getMessage());
    }

    /** No or a bad token. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return render(401, "Unauthorized", "The request you have made requires authentication.");
    }

    /** A role check failed. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(403, "Forbidden", "You are not authorized to perform the requested action.");
    }

    /** A body that is not JSON, or not the JSON expected. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return render(400, "Bad Request", "The request body is not valid JSON.");
    }

    /** Routing and content negotiation failures from the framework (404, 405, 415, ...). */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        String message = switch (status) {
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for the requested URL.";
            case 415 -> "The request body must be JSON (Content-Type: application/json).";
            case 400 -> "The request is malformed.";
            default -> title;
        };
        return render(status, title, message);
    }

    /** Anything unexpected: logged, and a 500 without details. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnstorableText(e)) {
            return render(400, "Bad Request", "Invalid input: text must not contain NUL characters.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return render(503, "Service Unavailable", "The service is temporarily unavailable.");
        }
        LOG.error("unexpected failure", e);
        return render(500, "Internal Server Error",
                "An unexpected error prevented the server from fulfilling your request.");
    }

    Response render(int status, String title, String message) {
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", Map.of("code", status, "title", title, "message", message)));
        if (status == 401) {
            b.header("WWW-Authenticate", "Keystone uri=\"" + security.identityUrl() + "\"");
        }
        return b.build();
    }
}

package io.accessplane.keypair.rest;

import io.accessplane.platform.persistence.DatabaseFailures;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.keypair.crypto.KeyRejectedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure of the compute API as a Nova fault. */
public class NovaExceptionMapper {

    private static final Logger LOG = Logger.getLogger(NovaExceptionMapper.class);

    /** The body and status of a Nova fault. */
    public static Response fault(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of(NovaException.faultName(status), Map.of("code", status, "message", message))).build();
    }

    /** A failure raised on purpose. */
    @ServerExceptionMapper
    public Response nova(NovaException e) {
        return fault(e.status(), e.getMessage());
    }

    /** A refused key (the message never echoes the key). */
    @ServerExceptionMapper
    public Response rejected(KeyRejectedException e) {
        return fault(400, "Keypair data is invalid: " + e.getMessage());
    }

    /** An unusable microversion. */
    @ServerExceptionMapper
    public Response version(Microversion.Unacceptable e) {
        return fault(e.status(), e.getMessage());
    }

    /** No or a bad token. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return fault(401, "The request you have made requires authentication.");
    }

    /** A role check failed. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return fault(403, "Policy doesn't allow this operation to be performed.");
    }

    /** A body that is not JSON. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return fault(400, "Malformed request body");
    }

    /** Routing and content negotiation failures from the framework. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for this resource.";
            case 415 -> "The request body must be JSON.";
            case 400 -> "Malformed request body";
            default -> "The request could not be served.";
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return fault(status, message);
    }

    /** Anything unexpected: logged, 500 without details. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnstorableText(e)) {
            return fault(400, "Invalid input: text must not contain NUL characters.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return fault(503, "The service is temporarily unavailable, please retry.");
        }
        LOG.error("unexpected failure", e);
        return fault(500, "Unexpected API Error. Please report this at your cloud operator.");
    }
}

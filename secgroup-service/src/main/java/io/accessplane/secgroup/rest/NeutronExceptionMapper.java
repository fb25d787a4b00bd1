package io.accessplane.secgroup.rest;

import io.accessplane.platform.persistence.DatabaseFailures;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.secgroup.rules.RuleRejection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure of the networking API as Neutron's error body. */
public class NeutronExceptionMapper {

    private static final Logger LOG = Logger.getLogger(NeutronExceptionMapper.class);

    /** Neutron's error body with this status. */
    public static Response error(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(NeutronException.body(type, message)).build();
    }

    /** A failure raised on purpose (list query rejections included). */
    @ServerExceptionMapper
    public Response neutron(NeutronException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.toBody()).build();
    }

    /** A rule Neutron would refuse. */
    @ServerExceptionMapper
    public Response rule(RuleRejection e) {
        return error(e.status(), e.type(), e.message());
    }

    /** No or a bad token. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return error(401, "HTTPUnauthorized", "The request you have made requires authentication.");
    }

    /** A role check failed. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "HTTPForbidden", "Access was denied to this resource.");
    }

    /** A body that is not JSON. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return error(400, "HTTPBadRequest", "Malformed request body");
    }

    /** Routing and content negotiation failures from the framework. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type = switch (status) {
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 415 -> "HTTPUnsupportedMediaType";
            case 400 -> "HTTPBadRequest";
            default -> "HTTPError";
        };
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
        return error(status, type, message);
    }

    /** Anything unexpected: logged, 500 without details. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnstorableText(e)) {
            return error(400, "HTTPBadRequest", "Invalid input: text must not contain NUL characters.");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return error(503, "HTTPServiceUnavailable", "The service is temporarily unavailable, please retry.");
        }
        LOG.error("unexpected failure", e);
        return error(500, "HTTPInternalServerError", "Request Failed: internal server error while processing your request.");
    }
}

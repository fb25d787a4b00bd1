package io.accessplane.keypair.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Negotiates the microversion of every {@code /v2.1} request and echoes it with {@code Vary}, as Nova does. */
public class MicroversionFilter {

    static final String PROPERTY = "accessplane.microversion";

    /** Rejects malformed (400) and unsupported (406) versions before anything else runs. */
    @ServerRequestFilter(preMatching = true)
    public Response negotiate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v2.1")) {
            return null;
        }
        try {
            request.setProperty(PROPERTY, Microversion.negotiate(request.getHeaderString(Microversion.HEADER),
                    request.getHeaderString(Microversion.LEGACY_HEADER)));
            return null;
        } catch (Microversion.Unacceptable e) {
            return NovaExceptionMapper.fault(e.status(), e.getMessage());
        }
    }

    /** Echoes the version served. */
    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof Microversion v) {
            response.getHeaders().putSingle(Microversion.HEADER, "compute " + v);
            response.getHeaders().putSingle(Microversion.LEGACY_HEADER, v.toString());
            response.getHeaders().add("Vary", Microversion.HEADER + ", " + Microversion.LEGACY_HEADER);
        }
    }

    /** The version negotiated for a request. */
    public static Microversion of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof Microversion v ? v : Microversion.MIN;
    }
}

package io.accessplane.credential.rest;

import io.accessplane.credential.service.Origin;
import io.accessplane.platform.security.RequestIdRoute;
import io.accessplane.platform.security.RequestOrigin;
import io.accessplane.platform.security.SecurityConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the {@link Origin} of an unauthenticated request (token issue). */
@ApplicationScoped
public class RequestOrigins {

    private final SecurityConfig config;

    public RequestOrigins(SecurityConfig config) {
        this.config = config;
    }

    /** Where the request came from. */
    public Origin of(RoutingContext context) {
        return new Origin(RequestOrigin.sourceAddress(context.request(), config.trustForwardedFor()),
                RequestOrigin.userAgent(context.request()), RequestIdRoute.of(context));
    }
}

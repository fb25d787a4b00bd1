package io.accessplane.platform.security;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Gives every request an OpenStack request id and echoes it in {@code X-OpenStack-Request-ID}. */
@ApplicationScoped
public class RequestIdRoute {

    static final String KEY = "accessplane.request-id";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String id = RequestOrigin.requestId(ctx.request().getHeader(RequestOrigin.REQUEST_ID_HEADER));
            ctx.put(KEY, id);
            ctx.response().putHeader(RequestOrigin.REQUEST_ID_HEADER, id);
            ctx.next();
        });
    }

    /** The request id of a request. */
    public static String of(RoutingContext context) {
        String id = context.get(KEY);
        return id == null ? RequestOrigin.newRequestId() : id;
    }
}

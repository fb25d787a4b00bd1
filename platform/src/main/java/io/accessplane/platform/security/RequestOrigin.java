package io.accessplane.platform.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads where a request came from: source address, user agent and OpenStack request id. */
public final class RequestOrigin {
    /** The header OpenStack services use for the request id. */
    public static final String REQUEST_ID_HEADER = "X-OpenStack-Request-ID";
    private static final Pattern REQUEST_ID = Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_AGENT = 512;

    private RequestOrigin() {
    }

    /** The client address: the first {@code X-Forwarded-For} entry when proxies are trusted, else the peer. */
    public static String sourceAddress(HttpServerRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].trim();
                if (!first.isEmpty() && first.length() <= 64 && first.matches("[0-9A-Fa-f:.]+")) {
                    return first;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    /** The user agent, cut to a sane length. */
    public static String userAgent(HttpServerRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null) {
            return null;
        }
        return agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent;
    }

    /** The request id the client sent when well-formed, else a new one in OpenStack's form. */
    public static String requestId(String sent) {
        if (sent != null && REQUEST_ID.matcher(sent).matches()) {
            return sent;
        }
        return newRequestId();
    }

    /** A new OpenStack-style request id ({@code req-<uuid>}). */
    public static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }
}

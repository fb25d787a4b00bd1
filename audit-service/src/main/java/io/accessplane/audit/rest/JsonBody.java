package io.accessplane.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.accessplane.platform.events.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Writes response bodies with the events' own mapper, so stored events (JSON trees) are returned
 * exactly as stored and times are ISO-8601, whatever the framework's mapper does with trees.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** A JSON response with the given status. */
    public static Response of(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(text(body)).build();
    }

    /** A 200 JSON response. */
    public static Response ok(Object body) {
        return of(200, body);
    }

    /** A 200 JSON response once the body is ready. */
    public static Uni<Response> ok(Uni<?> body) {
        return body.map(JsonBody::ok);
    }

    /** The JSON text of a body. */
    public static String text(Object body) {
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be written", e);
        }
    }
}

package io.accessplane.e2e.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the running audit service's API. */
public final class AuditApi {

    /** A response: its status and JSON body. */
    public record Reply(int status, JsonNode body) {
    }

    static final String BASE = System.getProperty("accessplane.audit.url", "http://127.0.0.1:8777");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String token;

    /** A client calling with this token. */
    public AuditApi(String token) {
        this.token = token;
    }

    /** GET a path of the audit API. */
    public Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    /** POST with no body to a path of the audit API. */
    public Reply post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.header("X-Auth-Token", token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(r.body()));
    }
}

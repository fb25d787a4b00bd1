package io.accessplane.e2e.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.cli.OpenStackCli;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixed bad-input corpus ({@code bad-input/corpus.json}, 300+ malformed requests across the
 * three APIs): every answer is a 4xx in that API's own error format, never a 5xx, and nothing
 * the requests touch is stored.
 */
class BadInputCorpusTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, String> BASE = Map.of("identity", "http://127.0.0.1:5000", "compute",
            "http://127.0.0.1:8774", "network", "http://127.0.0.1:9696", "audit", "http://127.0.0.1:8777");

    @Test
    void everyMalformedRequestGetsA4xxInItsApisFormatAndStoresNothing() throws Exception {
        JsonNode corpus;
        try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.json")) {
            corpus = JSON.readTree(in);
        }
        JsonNode token = OpenStackCli.admin().json("token", "issue");
        String admin = token.get("id").asText();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("{user_id}", token.get("user_id").asText());
        vars.put("{project_id}", token.get("project_id").asText());
        vars.put("{group_id}", JSON.readTree(send(admin, "network", "POST", "/v2.0/security-groups",
                "{\"security_group\":{\"name\":\"corpus-target\"}}", Map.of()).body())
                .get("security_group").get("id").asText());
        Map<String, String> before = snapshot(admin, vars);

        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonNode r : corpus.get("requests")) {
            count++;
            String path = substitute(r.get("path").asText(), vars);
            String body = r.hasNonNull("body") ? substitute(r.get("body").asText(), vars) : null;
            if (r.has("huge_body_bytes")) {
                body = "{\"name\":\"" + "x".repeat(r.get("huge_body_bytes").asInt()) + "\"}";
            }
            Map<String, String> headers = new LinkedHashMap<>();
            r.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            String service = r.get("service").asText();
            HttpResponse<String> response = send(admin, service, r.get("method").asText(), path, body, headers);
            String problem = judge(service, response);
            if (problem != null) {
                failures.add(r.get("id").asText() + " " + r.get("method").asText() + " " + path + " ("
                        + r.get("note").asText() + "): " + problem);
            }
        }
        System.out.printf("bad-input corpus: %d requests, %d failures%n", count, failures.size());
        assertTrue(count >= 300, "the corpus has at least 300 requests");
        assertEquals(List.of(), failures, "every malformed request gets a 4xx in its API's format");
        assertEquals(before, snapshot(admin, vars), "nothing was stored");
        send(admin, "network", "DELETE", "/v2.0/security-groups/" + vars.get("{group_id}"), null, Map.of());
    }

    /** Null when the answer is a 4xx in the service's error format; else what is wrong. */
    static String judge(String service, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "status " + status + ": " + abbreviate(response.body());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            return "status " + status + " with a body that is not JSON: " + abbreviate(response.body());
        }
        boolean shaped = switch (service) {
            case "identity", "audit" -> body.path("error").path("code").asInt() == status && body.path("error").has("message");
            case "compute" -> body.size() == 1 && body.elements().next().path("code").asInt() == status
                    && body.elements().next().has("message");
            case "network" -> body.path("NeutronError").has("type") && body.path("NeutronError").has("message")
                    && body.path("NeutronError").has("detail");
            default -> false;
        };
        return shaped ? null : "status " + status + " not in the " + service + " error format: " + abbreviate(response.body());
    }

    /** What the corpus might have stored: the admin's users, projects, credentials, key pairs, groups, rules, quotas, retention. */
    static Map<String, String> snapshot(String admin, Map<String, String> vars) throws Exception {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("users", ids(send(admin, "identity", "GET", "/v3/users", null, Map.of()).body(), "users", "id"));
        s.put("projects", ids(send(admin, "identity", "GET", "/v3/projects", null, Map.of()).body(), "projects", "id"));
        s.put("application_credentials", ids(send(admin, "identity", "GET", "/v3/users/" + vars.get("{user_id}")
                + "/application_credentials", null, Map.of()).body(), "application_credentials", "id"));
        s.put("keypairs", send(admin, "compute", "GET", "/v2.1/os-keypairs", null, Map.of()).body());
        s.put("security_groups", ids(send(admin, "network", "GET", "/v2.0/security-groups?fields=id&fields=name"
                + "&fields=description&fields=revision_number&fields=tags", null, Map.of()).body(), "security_groups", null));
        s.put("security_group_rules", ids(send(admin, "network", "GET", "/v2.0/security-group-rules?fields=id", null,
                Map.of()).body(), "security_group_rules", "id"));
        s.put("default_rules", ids(send(admin, "network", "GET", "/v2.0/default-security-group-rules?fields=id", null,
                Map.of()).body(), "default_security_group_rules", "id"));
        s.put("quota", send(admin, "network", "GET", "/v2.0/quotas/" + vars.get("{project_id}"), null, Map.of()).body());
        s.put("retention", send(admin, "audit", "GET", "/v1/retention?project_id=" + vars.get("{project_id}"), null, Map.of()).body());
        return s;
    }

    static String ids(String body, String collection, String field) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(body).get(collection)) {
            out.add(field == null ? n.toString() : n.get(field).asText());
        }
        out.sort(String::compareTo);
        return String.join(",", out);
    }

    static HttpResponse<String> send(String token, String service, String method, String path, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE.get(service) + path));
        if (!headers.containsKey("X-Auth-Token")) {
            b.header("X-Auth-Token", token);
        }
        if (!headers.containsKey("Content-Type") && body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.header(k, v);
            }
        });
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String substitute(String text, Map<String, String> vars) {
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}

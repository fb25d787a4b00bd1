package io.accessplane.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/** Calls to the stack's OpenStack APIs that record what came back (status and body) instead of throwing. */
public final class Api {

    /** What a call answered; status -1 when no HTTP answer came at all. */
    public record Reply(int status, String body) {
        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        /** A 2xx answer. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public static final String COMPUTE = "http://127.0.0.1:" + System.getenv().getOrDefault("ACCESSPLANE_KEYPAIR_PORT", "8774");
    public static final String NETWORK = "http://127.0.0.1:" + System.getenv().getOrDefault("ACCESSPLANE_SECGROUP_PORT", "9696");
    public static final String IDENTITY = "http://127.0.0.1:" + System.getenv().getOrDefault("ACCESSPLANE_CREDENTIAL_PORT", "5000");
    public static final String AUDIT = "http://127.0.0.1:" + System.getenv().getOrDefault("ACCESSPLANE_AUDIT_PORT", "8777");
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** One call with a token and an optional JSON body. */
    public static Reply call(String method, String url, String token, String body) {
        return call(method, url, token, body, java.util.Map.of());
    }

    /** One call with extra headers. */
    public static Reply call(String method, String url, String token, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-Auth-Token", token).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::setHeader);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Reply(-1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "interrupted");
        }
    }

    /** A fresh Ed25519 public key in OpenSSH's one-line form, for key pair imports. */
    public static String newOpenSshKey() {
        try {
            byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(blob);
            byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
            out.writeInt(type.length);
            out.write(type);
            out.writeInt(raw.length);
            out.write(raw);
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.toByteArray());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

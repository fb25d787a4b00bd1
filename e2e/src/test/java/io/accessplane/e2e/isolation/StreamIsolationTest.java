package io.accessplane.e2e.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.e2e.isolation.Tenancy.Caller;
import io.accessplane.e2e.isolation.Tenancy.Project;
import io.accessplane.e2e.stack.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The live streams ({@code /v1/events/stream}, {@code /v1/alerts/stream}) of a member of project A,
 * open while both projects open SSH to the world: A's event and alert arrive, nothing of B's does.
 */
class StreamIsolationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Lines of one server-sent event stream, read on a daemon thread until closed. */
    private static final class Tap implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Stream<String> body;

        Tap(String path, String token) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create(Api.AUDIT + path)).header("X-Auth-Token", token)
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> r = HTTP.send(req, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, r.statusCode(), path);
            body = r.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the stream was closed by close()
                }
            }, "sse-" + path);
            reader.setDaemon(true);
            reader.start();
        }

        boolean saw(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }

        @Override
        public void close() {
            body.close();
        }
    }

    @Test
    void aMembersStreamsCarryItsProjectAndNothingOfTheOther() throws Exception {
        Tenancy t = new Tenancy();
        String memberA = t.of(Caller.A_MEMBER).token();
        try (Tap events = new Tap("/v1/events/stream", memberA); Tap alerts = new Tap("/v1/alerts/stream", memberA)) {
            Thread.sleep(500);
            String ruleB = openSsh(t.b);
            String ruleA = openSsh(t.a);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(events.saw(ruleA) && alerts.saw(ruleA)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_000); // B's rule was made first: give its event and alert time to (wrongly) show up
            assertTrue(events.saw(ruleA), "A's rule in A's event stream");
            assertTrue(alerts.saw(ruleA), "A's alert in A's alert stream");
            for (Tap tap : List.of(events, alerts)) {
                assertTrue(tap.lines.stream().noneMatch(l -> l.contains(t.b.id()) || l.contains(ruleB)),
                        "nothing of project B in a stream of project A's member");
            }
        }
    }

    private static String openSsh(Project p) {
        String group = Tenancy.freshGroup(p.memberToken());
        Api.Reply r = Api.call("POST", Api.NETWORK + "/v2.0/security-group-rules", p.memberToken(),
                "{\"security_group_rule\":{\"security_group_id\":\"" + group + "\",\"direction\":\"ingress\","
                        + "\"protocol\":\"tcp\",\"port_range_min\":22,\"port_range_max\":22,"
                        + "\"remote_ip_prefix\":\"0.0.0.0/0\"}}");
        assertEquals(201, r.status(), r.body());
        return r.json().at("/security_group_rule/id").asText();
    }
}

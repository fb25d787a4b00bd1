package io.accessplane.audit.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Reads server-sent events from a URL until enough arrive or time runs out. */
public final class SseReader {

    /** One server-sent event. */
    public record Event(String id, String name, String data) {
    }

    private SseReader() {
    }

    /** Connects and collects up to {@code count} events within {@code timeout}, then disconnects. */
    public static List<Event> read(String url, String token, String lastEventId, int count, Duration timeout)
            throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("X-Auth-Token", token);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Event> events = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<?> f = reader.submit(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            synchronized (events) {
                                events.add(new Event(id, name, data.toString()));
                                if (events.size() >= count) {
                                    return null;
                                }
                            }
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            }
            return null;
        });
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
        } finally {
            response.body().close();
            reader.shutdownNow();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}

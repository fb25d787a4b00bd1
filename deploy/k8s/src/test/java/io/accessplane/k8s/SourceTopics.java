package io.accessplane.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Kafka topic names the services' main sources and configuration mention. */
final class SourceTopics {

    /** A quoted topic name in Java, or a property value in application.properties. */
    private static final Pattern TOPIC = Pattern.compile("(?:\"|=)(accessplane\\.[a-z]+\\.(?:events|alerts|deadletter))\\b");

    private SourceTopics() {
    }

    /** Every topic named in {@code <module>/src/main} of the platform and the four services. */
    static Set<String> all() {
        Set<String> topics = new TreeSet<>();
        for (String module : new String[] {"platform", "credential-service", "keypair-service", "secgroup-service",
                "audit-service"}) {
            try (Stream<Path> files = Files.walk(Repo.file(module + "/src/main"))) {
                files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties"))
                        .forEach(f -> collect(f, topics));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return topics;
    }

    private static void collect(Path file, Set<String> topics) {
        try {
            Matcher m = TOPIC.matcher(Files.readString(file));
            while (m.find()) {
                topics.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

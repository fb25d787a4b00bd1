package io.accessplane.e2e.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.e2e.cli.OpenStackCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last. Secrets made through the real client (a user's password, a refused password, an application
 * credential's secret, a generated private key, a token) appear nowhere the stack keeps data:
 * not in any service's log, not in any record of any Kafka topic, not in any database.
 */
@Order(Integer.MAX_VALUE) // last: it looks for the secrets of the whole run
class SecretHygieneTest {

    static final String KAFKA = System.getProperty("accessplane.kafka", "127.0.0.1:9092");
    private static final Map<String, Long> scanned = new java.util.TreeMap<>();

    @Test
    void secretsReachNoLogNoTopicAndNoDatabase() throws Exception {
        OpenStackCli admin = OpenStackCli.admin();
        OpenStackCli.ProjectUser owner = admin.newProjectUser("hygiene", "member");
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("user password", owner.password());

        String wrong = "Wrong-" + UUID.randomUUID();
        var refused = admin.asUser(owner.user(), wrong, owner.project()).run("token", "issue");
        assertNotEquals(0, refused.exitCode());
        secrets.put("refused password", wrong);

        JsonNode cred = owner.cli().json("application", "credential", "create", "hygiene-cred");
        secrets.put("application credential secret", cred.get("secret").asText());
        String viaCred = admin.asApplicationCredential(cred.get("id").asText(), cred.get("secret").asText())
                .run("token", "issue", "-f", "value", "-c", "id").ok().stdout().trim();
        secrets.put("token from the application credential", viaCred);
        secrets.put("token from the password", owner.cli().run("token", "issue", "-f", "value", "-c", "id").ok()
                .stdout().trim());

        String privateKey = owner.cli().run("keypair", "create", "hygiene-key").ok().stdout();
        assertTrue(privateKey.contains("PRIVATE KEY"), "the client printed the generated private key");
        secrets.put("generated private key", middleLine(privateKey));

        Map<String, String> stackSecrets = io.accessplane.e2e.stack.LocalStack.secrets();
        secrets.put("bootstrap admin password", stackSecrets.get("ADMIN_PASSWORD"));

        // Everything the suite's earlier tests made or used: tokens, passwords, secrets, keys.
        RunSecrets.all().forEach((value, what) -> secrets.putIfAbsent(what + " #" + Integer.toHexString(value.hashCode()), value));
        Thread.sleep(3000); // let the events reach every topic and the audit log
        List<String> found = new ArrayList<>();
        Path logs = OpenStackCli.stateDir().resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                scan("log " + f.getFileName(), read(f), secrets, found);
            }
        }
        scan("Kafka topics", topics(), secrets, found);
        String prefix = System.getenv().getOrDefault("ACCESSPLANE_DB_PREFIX", "");
        for (String db : List.of("credentials", "keypairs", "secgroups", "audit")) {
            String password = stackSecrets.get(db.toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD");
            scan("database " + prefix + db, dump(prefix + db, password), secrets, found);
        }
        System.out.printf("secret hygiene: %d secrets of this run searched for in %s characters%n", secrets.size(), scanned);
        assertEquals(List.of(), found, "secrets found where they must never be");
    }

    private static void scan(String where, String text, Map<String, String> secrets, List<String> found) {
        scanned.merge(where.startsWith("log") ? "logs" : where, (long) text.length(), Long::sum);
        assertTrue(!text.isEmpty() || where.startsWith("log"), where + " was read");
        secrets.forEach((what, secret) -> {
            if (text.contains(secret)) {
                found.add(what + " in " + where);
            }
        });
    }

    /** A line from the middle of a PEM body: enough to recognise the key, never the armour. */
    private static String middleLine(String pem) {
        List<String> body = pem.lines().filter(l -> !l.startsWith("-----") && l.length() > 40).toList();
        return body.get(body.size() / 2);
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    }

    /** Every record of every accessplane topic, keys, headers and values, as text. */
    private static String topics() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        StringBuilder all = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.listTopics(Duration.ofSeconds(10)).forEach((topic, infos) -> {
                if (topic.startsWith("accessplane.")) {
                    infos.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
                }
            });
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        all.append(new String(r.key(), StandardCharsets.UTF_8)).append('\n');
                    }
                    r.headers().forEach(h -> all.append(h.key()).append('=')
                            .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)).append('\n'));
                    if (r.value() != null) {
                        all.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    /** The data of a database, as {@code pg_dump} writes it, read as the service's own role. */
    private static String dump(String database, String password) throws Exception {
        String port = System.getenv().getOrDefault("ACCESSPLANE_PG_PORT", "5432");
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", port, "-U", database, "-w",
                "--data-only", database).redirectErrorStream(true);
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "pg_dump " + database + ": " + out);
        return out;
    }
}

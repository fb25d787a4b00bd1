package io.accessplane.e2e.bench;

import io.accessplane.e2e.cli.OpenStackCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes one benchmark's section of {@code docs/PERFORMANCE.md}, between its own markers, with the
 * machine, the versions and the command that produced it; other sections are left as they are.
 */
final class PerformanceReport {

    static final String COMMAND = "deploy/local/stack bench";

    private PerformanceReport() {
    }

    /** Replaces (or appends) the section {@code id} with {@code title} and {@code body}. */
    static Path write(String id, String title, String body) throws IOException {
        return write(id, title, body, COMMAND);
    }

    /** As {@link #write(String, String, String)}, naming {@code command} as the one that produced it. */
    static Path write(String id, String title, String body, String command) throws IOException {
        Path repo = OpenStackCli.stateDir().getParent();
        String configured = System.getProperty("accessplane.repo");
        if (configured != null && !configured.isBlank()) {
            repo = Path.of(configured);
        }
        Path file = repo.resolve("docs/PERFORMANCE.md");
        Files.createDirectories(file.getParent());
        String doc = Files.exists(file) ? Files.readString(file) : """
                # accessplane performance

                Every figure below is written by a benchmark under `e2e/src/test/java/io/accessplane/e2e/bench`,
                never typed in. Reproduce them all with `%s` (it starts the stack if needed).
                Client and services share the machine, so the client's own cost is part of each figure.

                """.formatted(COMMAND);
        String start = "<!-- bench:" + id + ":start -->";
        String end = "<!-- bench:" + id + ":end -->";
        String section = start + "\n## " + title + "\n\n" + provenance(command) + "\n" + body.strip() + "\n" + end;
        int s = doc.indexOf(start);
        int e = doc.indexOf(end);
        if (s >= 0 && e > s) {
            doc = doc.substring(0, s) + section + doc.substring(e + end.length());
        } else {
            doc = doc.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.writeString(file, doc, StandardCharsets.UTF_8);
        return file;
    }

    /** A markdown table of results. */
    static String table(List<Load.Result> results) {
        StringBuilder b = new StringBuilder(
                "| scenario | concurrency | requests/run | rate (/s) | p50 (ms) | p99 (ms) | errors |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Load.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %s | %s | %d |%n", r.scenario(),
                    r.concurrency(), r.requests(), r.rate(), millis(r.p50Ms()), millis(r.p99Ms()), r.errors()));
        }
        return b.toString();
    }

    /** A latency cell; a dash where the scenario measures no per-request latency. */
    private static String millis(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** A git pathspec that leaves out docs/PERFORMANCE.md, which the run itself rewrites block by block. */
    private static final String EXCEPT_THIS_DOCUMENT = ":(top,exclude)docs/PERFORMANCE.md";

    static String provenance(String command) {
        return String.format(Locale.ROOT, """
                - measured: %s UTC, commit `%s`, command `%s`
                - machine: %d cores (%s), %s RAM, Debian %s; client JVM %s
                """,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime(),
                command("git", "rev-parse", "--short", "HEAD") + (command("git", "status", "--porcelain",
                        "--untracked-files=no", "--", ":/", EXCEPT_THIS_DOCUMENT).isBlank() ? "" : " (with uncommitted changes)"),
                command, Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(),
                read("/etc/debian_version"), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static String memTotal() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}

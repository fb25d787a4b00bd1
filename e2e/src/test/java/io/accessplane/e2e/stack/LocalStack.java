package io.accessplane.e2e.stack;

import io.accessplane.e2e.cli.OpenStackCli;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The processes of the running local stack, as its state dir names them: stop one, bring them all back. */
public final class LocalStack {

    private LocalStack() {
    }

    /** The stack's state dir, absolute. */
    public static Path state() {
        return OpenStackCli.stateDir().toAbsolutePath();
    }

    /** The repository the stack script lives in. */
    public static Path repo() {
        return Path.of(System.getProperty("accessplane.repo", state().getParent().toString()));
    }

    /** SIGKILLs one process the stack started ({@code kafka}, {@code audit-service}, ...) and waits until it is gone. */
    public static void kill(String name) throws Exception {
        Path pidFile = state().resolve("run/" + name + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
        if (!handle.destroyForcibly()) { // SIGKILL on Linux, no kill(1) needed
            throw new AssertionError("could not signal " + name + " (pid " + pid + ")");
        }
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code stack up}, which starts whatever of the stack is not running, and waits until it is ready. */
    public static void up() throws IOException, InterruptedException {
        Path log = Files.createTempFile("stack-up", ".log");
        ProcessBuilder pb = new ProcessBuilder(repo().resolve("deploy/local/stack").toString(), "up")
                .directory(repo().toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("ACCESSPLANE_STATE_DIR", state().toString());
        Process up = pb.start();
        if (!up.waitFor(240, TimeUnit.SECONDS)) {
            up.destroyForcibly();
            throw new AssertionError("stack up did not return in 240 s: " + Files.readString(log));
        }
        if (up.exitValue() != 0) {
            throw new AssertionError("stack up failed (" + up.exitValue() + "): " + Files.readString(log));
        }
        Files.deleteIfExists(log);
    }

    /** The stack's generated secrets ({@code secrets.env}: database passwords, the admin password). */
    public static Map<String, String> secrets() throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(state().resolve("secrets.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String v = line.substring(eq + 1).trim();
                if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
                    v = v.substring(1, v.length() - 1);
                }
                out.put(line.substring(0, eq).trim(), v);
            }
        }
        return out;
    }
}

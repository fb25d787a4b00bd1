package io.accessplane.e2e.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.e2e.hygiene.RunSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's real {@code openstack} command-line client against the running stack, as a given
 * identity (its OS_* variables), and parses its {@code -f json} output.
 */
public final class OpenStackCli {

    /** What one command did. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The JSON it printed. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON (exit " + exitCode + "): " + stdout + "\n" + stderr, e);
            }
        }

        /** Fails unless the command succeeded. */
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("openstack failed with " + exitCode + ":\n" + stderr + "\n" + stdout);
            }
            return this;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EXPORT = Pattern.compile("^export (OS_[A-Z_]+)=(.*)$");

    private final Map<String, String> env;

    private OpenStackCli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The stack's state dir (admin-openrc, logs). */
    public static Path stateDir() {
        String state = System.getProperty("accessplane.state");
        if (state == null) {
            state = Path.of(System.getProperty("accessplane.repo", "."), ".local").toString();
        }
        return Path.of(state);
    }

    /** The client as the bootstrap admin, from the stack's admin-openrc. */
    public static OpenStackCli admin() {
        Path openrc = stateDir().resolve("admin-openrc");
        try {
            Map<String, String> env = new HashMap<>();
            for (String line : Files.readAllLines(openrc, StandardCharsets.UTF_8)) {
                Matcher m = EXPORT.matcher(line.trim());
                if (m.matches()) {
                    env.put(m.group(1), unquote(m.group(2)));
                }
            }
            return new OpenStackCli(env);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + openrc + ": is the stack up?", e);
        }
    }

    /** The client as another user, scoped to a project, on the same cloud. */
    public OpenStackCli asUser(String user, String password, String project) {
        Map<String, String> e = new HashMap<>(env);
        e.put("OS_USERNAME", user);
        e.put("OS_PASSWORD", password);
        e.put("OS_PROJECT_NAME", project);
        return new OpenStackCli(e);
    }

    /** A project and a user holding a role on it, made through the client itself, and the client as that user. */
    public record ProjectUser(String project, String user, String password, OpenStackCli cli) {
    }

    /** Creates {@code <prefix>-project-<n>} and {@code <prefix>-user-<n>} with {@code role} on it (as this client, an admin). */
    public ProjectUser newProjectUser(String prefix, String role) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String project = prefix + "-project-" + suffix;
        String user = prefix + "-user-" + suffix;
        String password = "pw-" + suffix;
        json("project", "create", project);
        json("user", "create", "--password", password, user);
        run("role", "add", "--project", project, "--user", user, role).ok();
        return new ProjectUser(project, user, password, asUser(user, password, project));
    }

    /** The client authenticating with an application credential, by id. */
    public OpenStackCli asApplicationCredential(String id, String secret) {
        Map<String, String> e = new HashMap<>();
        e.put("OS_AUTH_URL", env.get("OS_AUTH_URL"));
        e.put("OS_IDENTITY_API_VERSION", "3");
        e.put("OS_AUTH_TYPE", "v3applicationcredential");
        e.put("OS_APPLICATION_CREDENTIAL_ID", id);
        e.put("OS_APPLICATION_CREDENTIAL_SECRET", secret);
        return new OpenStackCli(e);
    }

    /** The client authenticating with an application credential, by name and user. */
    public OpenStackCli asApplicationCredentialNamed(String name, String user, String secret) {
        Map<String, String> e = new HashMap<>();
        e.put("OS_AUTH_URL", env.get("OS_AUTH_URL"));
        e.put("OS_IDENTITY_API_VERSION", "3");
        e.put("OS_AUTH_TYPE", "v3applicationcredential");
        e.put("OS_APPLICATION_CREDENTIAL_NAME", name);
        e.put("OS_USERNAME", user);
        e.put("OS_USER_DOMAIN_NAME", "Default");
        e.put("OS_APPLICATION_CREDENTIAL_SECRET", secret);
        return new OpenStackCli(e);
    }

    /** Runs {@code openstack <args>} and waits for it (60 s at most). */
    public Result run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openstack");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("openstack", ".out");
            Path err = Files.createTempFile("openstack", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("openstack " + String.join(" ", args) + " timed out");
                }
                Result result = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
                recordSecrets(args, result);
                return result;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the openstack client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hands every secret this command was given or printed to {@link RunSecrets}, for the hygiene check. */
    private void recordSecrets(String[] args, Result result) {
        RunSecrets.add("password (OS_PASSWORD)", env.get("OS_PASSWORD"));
        RunSecrets.add("application credential secret (OS_APPLICATION_CREDENTIAL_SECRET)",
                env.get("OS_APPLICATION_CREDENTIAL_SECRET"));
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--password") || args[i].equals("--secret")) {
                RunSecrets.add("argument " + args[i], args[i + 1]);
            }
        }
        String command = String.join(" ", java.util.Arrays.copyOf(args, Math.min(args.length, 3)));
        RunSecrets.fromOutput(command, result.stdout());
        RunSecrets.fromOutput(command, result.stderr());
    }

    /** Runs a command that prints JSON ({@code -f json} appended) and must succeed. */
    public JsonNode json(String... args) {
        String[] withFormat = new String[args.length + 2];
        System.arraycopy(args, 0, withFormat, 0, args.length);
        withFormat[args.length] = "-f";
        withFormat[args.length + 1] = "json";
        return run(withFormat).ok().json();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            return v.substring(1, v.length() - 1);
        }
        return v.replace("\\", "");
    }
}

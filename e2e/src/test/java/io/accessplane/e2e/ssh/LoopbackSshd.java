package io.accessplane.e2e.ssh;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH {@code sshd} (Debian's openssh-server) on a loopback port with its own
 * configuration, running as an unprivileged user who is also the only user it lets in.
 *
 * <p>When the tests run as root, sshd runs as {@value #ROOT_FALLBACK_USER} (created by
 * {@code deploy/local/stack test}); otherwise as the user running the tests.
 */
public final class LoopbackSshd implements AutoCloseable {

    /** The unprivileged account sshd runs as when the tests run as root. */
    public static final String ROOT_FALLBACK_USER = "accessplane-ssh";

    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final String user;
    private final int port;
    private final Process process;
    private final Path log;

    private LoopbackSshd(Path dir, String user, int port, Process process, Path log) {
        this.dir = dir;
        this.user = user;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts sshd that accepts exactly the given public keys (one OpenSSH line each). */
    public static LoopbackSshd start(List<String> authorizedKeys) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException("OpenSSH server missing: apt-get install openssh-server");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? ROOT_FALLBACK_USER : System.getProperty("user.name");
        Path dir = Files.createTempDirectory("accessplane-sshd-");
        Path hostKey = dir.resolve("host_ed25519");
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "accessplane-test-host", "-f",
                hostKey.toString()));
        Files.writeString(dir.resolve("authorized_keys"), String.join("\n", authorizedKeys) + "\n");
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AllowUsers " + user,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin no",
                "LogLevel VERBOSE",
                "") );
        if (root) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.setOwner(f, owner);
                }
            }
            Files.setOwner(dir, owner);
        }
        Files.setPosixFilePermissions(hostKey, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()));
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LoopbackSshd sshd = new LoopbackSshd(dir, user, port, process, log);
        sshd.awaitListening(Duration.ofSeconds(20));
        return sshd;
    }

    /** The account to log in as. */
    public String user() {
        return user;
    }

    /** The loopback port sshd listens on. */
    public int port() {
        return port;
    }

    /** What sshd has logged so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code command} over ssh with exactly this private key (no agent, no other identities).
     * Returns the exit code and the combined output.
     */
    public SshResult login(Path privateKey, String command) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Process ssh = new ProcessBuilder("ssh", "-F", "/dev/null", "-i", privateKey.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "PasswordAuthentication=no", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR",
                "-p", Integer.toString(port), user + "@127.0.0.1", command)
                .redirectErrorStream(true).start();
        ssh.getOutputStream().close();
        if (!ssh.waitFor(30, TimeUnit.SECONDS)) {
            ssh.destroyForcibly();
            throw new IllegalStateException("ssh did not finish in 30 s");
        }
        return new SshResult(ssh.exitValue(), new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** One ssh client run. */
    public record SshResult(int exitCode, String output) {
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen within " + timeout + ": " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }
}

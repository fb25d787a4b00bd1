package io.accessplane.keypair.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs ssh-keygen and openssl, the tests' oracles; a missing tool fails the test rather than skipping it. */
final class ExternalCommand {

    private static final long TIMEOUT_SECONDS = 120;

    /** What a finished command printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalCommand() {
    }

    /** Runs the command in the directory and returns its stdout; a non-zero exit fails the test. */
    static String run(Path directory, String... command) {
        Result result = runAllowingFailure(directory, null, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.exitCode() + ": "
                    + result.stderr());
        }
        return result.stdout();
    }

    /** Runs the command, feeding stdin if not null, and returns whatever happened. */
    static Result runAllowingFailure(Path directory, byte[] stdin, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (is it installed? openssh-client and openssl "
                    + "are test requirements): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Writes a private key file readable by its owner only, as ssh-keygen demands. */
    static Path writePrivate(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file. */
    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a text file. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

package io.accessplane.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs kustomize 4.5.4 as the runbook does: {@code deploy/k8s/install-kustomize}, then {@code build}. */
final class Kustomize {

    private static Path binary;

    private Kustomize() {
    }

    /** The rendered YAML of {@code deploy/k8s/overlays/<overlay>}. */
    static String build(String overlay) {
        return run(List.of(binary().toString(), "build", "deploy/k8s/overlays/" + overlay));
    }

    /** The installed binary; installs it into the cache dir on first use. */
    static synchronized Path binary() {
        if (binary == null) {
            binary = Path.of(run(List.of("bash", "deploy/k8s/install-kustomize")).strip());
        }
        return binary;
    }

    private static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(command).directory(Repo.root().toFile())
                        .redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + ": no answer within 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue()
                            + ":\n" + Files.readString(err));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.accessplane.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, as the module's build passes it ({@code accessplane.repo}). */
final class Repo {

    private Repo() {
    }

    /** The repository root. */
    static Path root() {
        String configured = System.getProperty("accessplane.repo");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s/base")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    /** A path relative to the repository root. */
    static Path file(String relative) {
        return root().resolve(relative);
    }
}

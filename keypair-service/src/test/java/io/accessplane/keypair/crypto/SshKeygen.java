package io.accessplane.keypair.crypto;

import java.nio.file.Path;

/** What ssh-keygen says about a public key file: bit count and fingerprints, the tests' reference. */
record SshKeygen(int bits, String md5, String sha256) {

    /** Asks {@code ssh-keygen -l -E md5 -f} and {@code ssh-keygen -l -E sha256 -f} about the .pub file. */
    static SshKeygen describe(Path directory, Path publicKeyFile) {
        String[] md5 = ExternalCommand.run(directory, "ssh-keygen", "-l", "-E", "md5", "-f", publicKeyFile.toString())
                .split(" ");
        String[] sha256 = ExternalCommand.run(directory, "ssh-keygen", "-l", "-E", "sha256", "-f",
                publicKeyFile.toString()).split(" ");
        if (!md5[1].startsWith("MD5:") || !sha256[1].startsWith("SHA256:")) {
            throw new AssertionError("unexpected ssh-keygen -l output");
        }
        return new SshKeygen(Integer.parseInt(md5[0]), md5[1].substring("MD5:".length()), sha256[1]);
    }

    /** Generates a key with {@code ssh-keygen -q -t type [-b bits] -N '' -C comment -f name} and returns its path. */
    static Path generate(Path directory, String name, String type, int bits, String comment) {
        Path file = directory.resolve(name);
        if (bits > 0) {
            ExternalCommand.run(directory, "ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-N", "",
                    "-C", comment, "-f", file.toString());
        } else {
            ExternalCommand.run(directory, "ssh-keygen", "-q", "-t", type, "-N", "", "-C", comment, "-f",
                    file.toString());
        }
        return file;
    }
}

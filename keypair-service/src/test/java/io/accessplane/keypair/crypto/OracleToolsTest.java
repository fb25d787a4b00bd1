package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracles the crypto tests rely on are installed, and a missing one fails the tests instead of skipping them. */
class OracleToolsTest {

    @TempDir
    Path dir;

    @Test
    void sshKeygenAndOpensslAreInstalled() {
        ExternalCommand.Result sshKeygen = ExternalCommand.runAllowingFailure(dir, null, "ssh-keygen", "-?");
        assertTrue(sshKeygen.stderr().contains("usage: ssh-keygen"), sshKeygen.stderr());
        assertTrue(ExternalCommand.run(dir, "openssl", "version").startsWith("OpenSSL 3"));
    }

    @Test
    void aMissingToolFailsRatherThanSkips() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ExternalCommand.run(dir, "accessplane-no-such-tool", "-h"));
        assertTrue(error.getMessage().contains("cannot run accessplane-no-such-tool"));
    }
}

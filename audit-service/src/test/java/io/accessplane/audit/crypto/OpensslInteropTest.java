package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and signatures agree byte for byte with the real openssl command line (skipped where openssl is absent). */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void opensslIsAvailable() {
        boolean available;
        try {
            available = run(Path.of("."), "openssl", "version").exitCode() == 0;
        } catch (IOException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "openssl is not installed");
    }

    @Test
    void opensslKeyLoadsAndItsPublicPemIsOurs() throws IOException {
        for (int i = 0; i < 3; i++) {
            Path keyFile = generateKey("key" + i + ".pem");
            SigningKey key = SigningKey.fromConfig(Files.readString(keyFile));
            Result pub = run(dir, "openssl", "pkey", "-in", keyFile.toString(), "-pubout");
            assertEquals(0, pub.exitCode(), pub.text());
            assertEquals(pub.text(), key.verificationKey().toPem());
            assertEquals(key.verificationKey(), VerificationKey.fromPem(pub.text()));
        }
    }

    @Test
    void fingerprintIsSha256OfTheRawKeyOpensslWrites() throws IOException {
        Path keyFile = generateKey("key.pem");
        SigningKey key = SigningKey.fromConfig(Files.readString(keyFile));
        Path der = dir.resolve("pub.der");
        assertEquals(0, run(dir, "openssl", "pkey", "-in", keyFile.toString(), "-pubout", "-outform", "DER",
                "-out", der.toString()).exitCode());
        byte[] spki = Files.readAllBytes(der);
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        assertArrayEquals(raw, key.verificationKey().raw());
        assertEquals(HashChain.toHex(HashChain.sha256(raw)), key.fingerprint());
    }

    @Test
    void rawSeedFromOpensslsKeyGivesTheSameKey() throws IOException {
        Path keyFile = generateKey("key.pem");
        Path der = dir.resolve("key.der");
        assertEquals(0, run(dir, "openssl", "pkey", "-in", keyFile.toString(), "-outform", "DER", "-out",
                der.toString()).exitCode());
        byte[] pkcs8 = Files.readAllBytes(der);
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertEquals(SigningKey.fromConfig(Files.readString(keyFile)).fingerprint(),
                SigningKey.fromConfig(Base64.getEncoder().encodeToString(seed)).fingerprint());
    }

    @Test
    void ourSignaturesVerifyWithOpensslAndTheirsWithUs() throws IOException {
        Path keyFile = generateKey("key.pem");
        SigningKey key = SigningKey.fromConfig(Files.readString(keyFile));
        Path pubFile = dir.resolve("pub.pem");
        Files.writeString(pubFile, key.verificationKey().toPem());
        Random random = new Random(77);
        for (int i = 0; i < 5; i++) {
            byte[] message = new byte[random.nextInt(1_500)];
            random.nextBytes(message);
            Path messageFile = dir.resolve("msg" + i + ".bin");
            Files.write(messageFile, message);

            byte[] ours = key.sign(message);
            Path ourSignature = dir.resolve("ours" + i + ".sig");
            Files.write(ourSignature, ours);
            Result verified = run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pubFile.toString(),
                    "-rawin", "-in", messageFile.toString(), "-sigfile", ourSignature.toString());
            assertEquals(0, verified.exitCode(), verified.text());
            assertTrue(verified.text().contains("Signature Verified Successfully"), verified.text());

            Path theirSignature = dir.resolve("theirs" + i + ".sig");
            Result signed = run(dir, "openssl", "pkeyutl", "-sign", "-inkey", keyFile.toString(), "-rawin",
                    "-in", messageFile.toString(), "-out", theirSignature.toString());
            assertEquals(0, signed.exitCode(), signed.text());
            byte[] theirs = Files.readAllBytes(theirSignature);
            assertTrue(CheckpointSigner.verify(Files.readString(pubFile), message, theirs));
            assertTrue(CheckpointSigner.verify(key.verificationKey().raw(), message, theirs));
            assertArrayEquals(theirs, ours, "Ed25519 is deterministic: both sides make the same signature");
        }
    }

    @Test
    void opensslRejectsATamperedMessage() throws IOException {
        Path keyFile = generateKey("key.pem");
        SigningKey key = SigningKey.fromConfig(Files.readString(keyFile));
        Path pubFile = dir.resolve("pub.pem");
        Files.writeString(pubFile, key.verificationKey().toPem());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("sig"), key.sign(message));
        Files.write(dir.resolve("msg"), "checkpoinT".getBytes(StandardCharsets.UTF_8));
        Result verified = run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pubFile.toString(),
                "-rawin", "-in", dir.resolve("msg").toString(), "-sigfile", dir.resolve("sig").toString());
        assertNotEquals(0, verified.exitCode(), verified.text());
    }

    @Test
    void aSignedCheckpointVerifiesWithOpenssl() throws IOException {
        Path keyFile = generateKey("key.pem");
        CheckpointSigner signer = new CheckpointSigner(SigningKey.fromConfig(Files.readString(keyFile)));
        SignedCheckpoint checkpoint = signer.next(UUID.randomUUID().toString(), Instant.now(),
                List.of(new ProjectHead("p1", 3, HashChain.GENESIS_HEX)), null);
        Files.write(dir.resolve("body"), checkpoint.body().stringToSign());
        Files.write(dir.resolve("sig"), Base64.getDecoder().decode(checkpoint.signature()));
        Files.writeString(dir.resolve("pub.pem"), run(dir, "openssl", "pkey", "-in", keyFile.toString(), "-pubout").text());
        Result verified = run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                "-in", "body", "-sigfile", "sig");
        assertEquals(0, verified.exitCode(), verified.text());
    }

    @Test
    void encryptedAndOtherAlgorithmKeysAreRefusedWithoutQuotingThem() throws IOException {
        List<List<String>> commands = List.of(
                List.of("openssl", "genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:hunter2"),
                List.of("openssl", "genpkey", "-algorithm", "ed448"),
                List.of("openssl", "genpkey", "-algorithm", "x25519"),
                List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"));
        for (List<String> command : commands) {
            Result generated = run(dir, command.toArray(String[]::new));
            Assumptions.assumeTrue(generated.exitCode() == 0, "this openssl cannot run " + command);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> SigningKey.fromConfig(generated.text()), String.join(" ", command));
            SigningKeyTest.assertQuotesNothingOf(generated.text(), error);
        }
    }

    private Path generateKey(String name) throws IOException {
        Path keyFile = dir.resolve(name);
        Result result = run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", keyFile.toString());
        Assumptions.assumeTrue(result.exitCode() == 0, "this openssl cannot make Ed25519 keys");
        return keyFile;
    }

    private static Result run(Path workingDir, String... command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl did not finish: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(process.exitValue(), text);
    }

    /** What a finished command printed and how it exited. */
    private record Result(int exitCode, String text) {
    }
}

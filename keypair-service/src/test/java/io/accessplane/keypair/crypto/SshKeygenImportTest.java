package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys made by ssh-keygen import with ssh-keygen's own fingerprints, bits and line, in both text formats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshKeygenImportTest {

    /** One key ssh-keygen makes: its file name, ssh-keygen's -t and -b, and our algorithm name. */
    record Spec(String name, String type, int bits, String algorithm) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Spec> SPECS = List.of(
            new Spec("rsa-2048", "rsa", 2048, "rsa"),
            new Spec("rsa-3072", "rsa", 3072, "rsa"),
            new Spec("rsa-4096", "rsa", 4096, "rsa"),
            new Spec("ed25519", "ed25519", 0, "ed25519"),
            new Spec("ecdsa-256", "ecdsa", 256, "ecdsa-p256"),
            new Spec("ecdsa-384", "ecdsa", 384, "ecdsa-p384"),
            new Spec("ecdsa-521", "ecdsa", 521, "ecdsa-p521"));

    @TempDir
    static Path dir;

    private final PublicKeyParser parser = new PublicKeyParser(2048);
    private final Map<String, Path> publicKeys = new ConcurrentHashMap<>();
    private ExecutorService executor;

    @BeforeAll
    void generateKeys() throws Exception {
        executor = Executors.newFixedThreadPool(2);
        // The slowest (rsa-4096) first, so the other keys are made while it runs.
        List<Future<?>> jobs = SPECS.stream()
                .sorted((a, b) -> Integer.compare(b.bits(), a.bits()))
                .<Future<?>>map(spec -> executor.submit(() -> publicKeys.put(spec.name(), Path.of(
                        SshKeygen.generate(dir, spec.name(), spec.type(), spec.bits(),
                                "user@example.test " + spec.name()) + ".pub"))))
                .toList();
        for (Future<?> job : jobs) {
            job.get();
        }
    }

    @AfterAll
    void stop() {
        executor.shutdownNow();
    }

    static List<Spec> specs() {
        return SPECS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fingerprintsBitsAndLineMatchSshKeygen(Spec spec) {
        Path pub = publicKeys.get(spec.name());
        String fileText = ExternalCommand.read(pub);

        ParsedPublicKey key = parser.parseSsh(fileText);

        SshKeygen reference = SshKeygen.describe(dir, pub);
        assertEquals(reference.md5(), key.fingerprint());
        assertEquals(reference.sha256(), key.fingerprintSha256());
        assertEquals(reference.bits(), key.bits());
        assertEquals(KeyType.SSH, key.type());
        assertEquals(spec.algorithm(), key.algorithm());
        assertEquals(fileText.strip(), key.publicKey(), "normalised line equals ssh-keygen's own .pub line");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void rfc4716ExportParsesToTheSameKey(Spec spec) {
        Path pub = publicKeys.get(spec.name());
        String exported = ExternalCommand.run(dir, "ssh-keygen", "-e", "-f", pub.toString());
        assertTrue(exported.startsWith("---- BEGIN SSH2 PUBLIC KEY ----"));

        ParsedPublicKey fromRfc = parser.parseSsh(exported);
        ParsedPublicKey fromLine = parser.parseSsh(ExternalCommand.read(pub));

        assertEquals(fromLine.fingerprint(), fromRfc.fingerprint());
        assertEquals(fromLine.fingerprintSha256(), fromRfc.fingerprintSha256());
        assertEquals(fromLine.bits(), fromRfc.bits());
        assertEquals(typeAndData(fromLine.publicKey()), typeAndData(fromRfc.publicKey()));
        String comment = fromRfc.publicKey().substring(typeAndData(fromRfc.publicKey()).length() + 1);
        assertTrue(comment.contains("converted by") && !comment.contains("\""),
                "the Comment header, unquoted, becomes the comment: " + comment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void ourLineSurvivesSshKeygenExportAndImport(Spec spec) {
        ParsedPublicKey ours = parser.parseSsh(ExternalCommand.read(publicKeys.get(spec.name())));
        Path ourFile = ExternalCommand.write(dir.resolve(spec.name() + "-ours.pub"), ours.publicKey() + "\n");
        Path rfcFile = ExternalCommand.write(dir.resolve(spec.name() + "-ours.rfc"),
                ExternalCommand.run(dir, "ssh-keygen", "-e", "-m", "RFC4716", "-f", ourFile.toString()));

        String reimported = ExternalCommand.run(dir, "ssh-keygen", "-i", "-m", "RFC4716", "-f", rfcFile.toString());

        assertEquals(typeAndData(ours.publicKey()), reimported.strip());
        assertEquals(typeAndData(ours.publicKey()), typeAndData(parser.parseSsh(ExternalCommand.read(rfcFile))
                .publicKey()));
    }

    static String typeAndData(String line) {
        String[] fields = line.split(" ");
        return fields[0] + " " + fields[1];
    }
}

package io.accessplane.keypair.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** x509 key pairs are made as Nova makes them and read by openssl; certificates import with openssl's fingerprint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class X509CertificatesTest {

    private static final String USER = "8a1b2c3d4e5f40718293a4b5c6d7e8f9";

    @TempDir
    static Path dir;

    private final PublicKeyParser parser = new PublicKeyParser(2048);
    private GeneratedKeyPair generated;
    private Instant generatedAt;
    private Path certificate;
    private Path pkcs12;

    @BeforeAll
    void generate() throws Exception {
        generatedAt = Instant.now();
        generated = new X509Certificates().generate(USER);
        certificate = ExternalCommand.write(dir.resolve("cert.pem"), generated.publicKey().publicKey());
        pkcs12 = Files.write(dir.resolve("cert.p12"), Base64.getDecoder().decode(generated.privateKey()));
    }

    @Test
    void opensslReadsTheCertificateAsNovasWinrmCertificate() {
        String text = ExternalCommand.run(dir, "openssl", "x509", "-in", certificate.toString(), "-noout", "-subject",
                "-issuer", "-enddate", "-ext", "extendedKeyUsage,subjectAltName");

        assertTrue(text.contains("subject=CN = " + USER + "\n"), text);
        assertTrue(text.contains("issuer=CN = " + USER + "\n"), "self-signed: " + text);
        assertTrue(text.contains("TLS Web Client Authentication"), text);
        assertTrue(text.contains("othername: UPN::" + USER + "@localhost"), text);
        String notAfter = text.lines().filter(l -> l.startsWith("notAfter=")).findFirst().orElseThrow()
                .substring("notAfter=".length()).replaceAll(" +", " ");
        Instant end = DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC)
                .parse(notAfter, Instant::from);
        Duration fromNow = Duration.between(generatedAt, end);
        assertTrue(Math.abs(fromNow.minusDays(3650).toMinutes()) < 10, "valid 3650 days: " + fromNow);
        String verify = ExternalCommand.run(dir, "openssl", "verify", "-CAfile", certificate.toString(),
                "-purpose", "sslclient", certificate.toString());
        assertTrue(verify.contains(": OK"), verify);
    }

    @Test
    void theKeyIsRsa2048AndTheFingerprintsAreOpensslsOverTheDer() {
        ParsedPublicKey key = generated.publicKey();
        assertEquals(KeyType.X509, key.type());
        assertEquals("x509-rsa", key.algorithm());
        assertEquals(2048, key.bits());
        assertEquals(opensslSha1(certificate), key.fingerprint());
        assertEquals(opensslSha256(certificate), key.fingerprintSha256());
        assertEquals(key, parser.parseX509(key.publicKey()));
    }

    @Test
    void opensslReadsThePkcs12WithAnEmptyPasswordAndNoLegacyProvider() {
        String certs = ExternalCommand.run(dir, "openssl", "pkcs12", "-in", pkcs12.toString(), "-nokeys",
                "-passin", "pass:");
        assertTrue(certs.contains("subject=CN = " + USER), certs);
        assertEquals(generated.publicKey(), parser.parseX509(certs));

        String keys = ExternalCommand.run(dir, "openssl", "pkcs12", "-in", pkcs12.toString(), "-nocerts", "-nodes",
                "-passin", "pass:");
        Path keyFile = ExternalCommand.writePrivate(dir.resolve("from-p12.key"), keys);
        String keyPublic = ExternalCommand.run(dir, "openssl", "pkey", "-in", keyFile.toString(), "-pubout");
        String certPublic = ExternalCommand.run(dir, "openssl", "x509", "-in", certificate.toString(), "-noout",
                "-pubkey");
        assertEquals(certPublic, keyPublic, "the PKCS#12 key belongs to the certificate");

        String info = ExternalCommand.runAllowingFailure(dir, null, "openssl", "pkcs12", "-in", pkcs12.toString(),
                "-info", "-noout", "-passin", "pass:").stderr();
        assertTrue(info.contains("AES-256-CBC") && info.contains("MAC: sha256"), info);
    }

    @Test
    void javaReadsThePkcs12WithAnEmptyPassword() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(generated.privateKey())), new char[0]);
        String alias = store.aliases().nextElement();
        Key key = store.getKey(alias, new char[0]);
        X509Certificate cert = (X509Certificate) store.getCertificate(alias);

        assertEquals("RSA", key.getAlgorithm());
        assertEquals(generated.publicKey(), parser.parseX509(
                PemArmour.armour("CERTIFICATE", cert.getEncoded(), PemArmour.PEM_WIDTH)));
        assertEquals(java.util.List.of("1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
    }

    @Test
    void eachCertificateIsNew() {
        GeneratedKeyPair other = new X509Certificates().generate(USER);
        assertTrue(!other.publicKey().fingerprint().equals(generated.publicKey().fingerprint()));
        assertTrue(!other.toString().contains(other.privateKey().substring(0, 20)));
    }

    @Test
    void userIdsACertificateCannotHoldAreRefused() {
        X509Certificates certificates = new X509Certificates();
        assertThrows(IllegalArgumentException.class, () -> certificates.generate(null));
        assertThrows(IllegalArgumentException.class, () -> certificates.generate(" "));
        assertThrows(IllegalArgumentException.class, () -> certificates.generate("u".repeat(65)));
    }

    // ---- import ----

    @Test
    void anOpensslRsaCertificateImportsWithOpensslsSha1Fingerprint() {
        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "imp.key",
                "-out", "imp.crt", "-days", "30", "-subj", "/CN=imported");
        Path file = dir.resolve("imp.crt");
        String pem = ExternalCommand.read(file);

        ParsedPublicKey key = parser.parseX509(pem);

        assertEquals(opensslSha1(file), key.fingerprint());
        assertEquals(opensslSha256(file), key.fingerprintSha256());
        assertEquals("x509-rsa", key.algorithm());
        assertEquals(2048, key.bits());
        assertEquals(pem, key.publicKey(), "openssl's PEM is already normal");
        assertEquals(key, parser.parseX509("Certificate:\n    Data: (openssl x509 -text output)\n" + pem + "\n\n"));
        assertEquals(key, parser.parseX509(pem.replace("\n", "\r\n")));
    }

    @Test
    void ecAndEd25519CertificatesImport() {
        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384",
                "-nodes", "-keyout", "ec.key", "-out", "ec.crt", "-days", "30", "-subj", "/CN=ec");
        ParsedPublicKey ec = parser.parseX509(ExternalCommand.read(dir.resolve("ec.crt")));
        assertEquals("x509-ec", ec.algorithm());
        assertEquals(384, ec.bits());
        assertEquals(opensslSha1(dir.resolve("ec.crt")), ec.fingerprint());

        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "ed.key",
                "-out", "ed.crt", "-days", "30", "-subj", "/CN=ed");
        ParsedPublicKey ed = parser.parseX509(ExternalCommand.read(dir.resolve("ed.crt")));
        assertEquals("x509-ed25519", ed.algorithm());
        assertEquals(256, ed.bits());
    }

    @Test
    void weakAndDsaCertificatesAreRefused() {
        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "weak.key",
                "-out", "weak.crt", "-days", "30", "-subj", "/CN=weak");
        Rejections.assertRejected(parser::parseX509, ExternalCommand.read(dir.resolve("weak.crt")),
                "RSA keys must have at least 2048 bits");
        ExternalCommand.run(dir, "openssl", "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt",
                "dsa_paramgen_bits:1024", "-out", "dsa-params.pem");
        ExternalCommand.run(dir, "openssl", "req", "-x509", "-newkey", "dsa:dsa-params.pem", "-nodes", "-keyout",
                "dsa.key", "-out", "dsa.crt", "-days", "30", "-subj", "/CN=dsa");
        Rejections.assertRejected(parser::parseX509, ExternalCommand.read(dir.resolve("dsa.crt")),
                "DSA keys are not accepted");
    }

    @Test
    void garbageIsRefused() {
        String pem = generated.publicKey().publicKey();
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
        byte[] der = Base64.getMimeDecoder().decode(body);

        Rejections.assertRejected(parser::parseX509, "zq9x7-garbage-zq9x7-payload", "must be in PEM format");
        Rejections.assertRejected(parser::parseX509, body, "must be in PEM format");
        Rejections.assertRejected(parser::parseX509, pem.replace("-----END CERTIFICATE-----", ""),
                "has no END CERTIFICATE line");
        Rejections.assertRejected(parser::parseX509, pem + pem, "More than one certificate");
        Rejections.assertRejected(parser::parseX509, armour(java.util.Arrays.copyOf(der, der.length - 10)),
                "could not be parsed");
        Rejections.assertRejected(parser::parseX509, armour(Blobs.concat(der, new byte[] {5, 0})),
                "unexpected bytes after it");
        Rejections.assertRejected(parser::parseX509, armour(Blobs.randomBytes(600)), "could not be parsed");
        Rejections.assertRejected(parser::parseX509,
                "-----BEGIN CERTIFICATE-----\nnot*base64*at*all\n-----END CERTIFICATE-----\n", "not valid base64");
        Rejections.assertRejected(parser::parseX509, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                "not valid base64");
    }

    private static String armour(byte[] der) {
        return PemArmour.armour("CERTIFICATE", der, PemArmour.PEM_WIDTH);
    }

    private String opensslSha1(Path file) {
        String out = ExternalCommand.run(dir, "openssl", "x509", "-in", file.toString(), "-noout", "-fingerprint",
                "-sha1").strip();
        return out.substring(out.indexOf('=') + 1).toLowerCase(Locale.ROOT);
    }

    private String opensslSha256(Path file) {
        String out = ExternalCommand.run(dir, "openssl", "x509", "-in", file.toString(), "-noout", "-fingerprint",
                "-sha256").strip();
        byte[] digest = HexFormat.ofDelimiter(":").parseHex(out.substring(out.indexOf('=') + 1).toLowerCase(Locale.ROOT));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    @Test
    void sha1FingerprintIsColonHexOfTheDer() {
        byte[] der = Base64.getMimeDecoder().decode(generated.publicKey().publicKey()
                .replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", ""));
        assertArrayEquals(HexFormat.ofDelimiter(":").parseHex(generated.publicKey().fingerprint()),
                sha1(der));
    }

    private static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

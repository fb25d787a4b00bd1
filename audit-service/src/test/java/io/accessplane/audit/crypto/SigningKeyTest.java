package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ed25519 keys: loading from configuration text, the public forms, signing and verifying. */
class SigningKeyTest {
    private static final HexFormat HEX = HexFormat.of();
    /** DER prefix of an unencrypted Ed25519 PKCS#8 PrivateKeyInfo, followed by the 32-byte seed. */
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";

    /** RFC 8032 section 7.1, tests 1 to 3: seed, public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void rfc8032Vectors(String seedHex, String publicHex, String messageHex, String signatureHex) {
        byte[] message = HEX.parseHex(messageHex);
        for (String config : new String[] {
            Base64.getEncoder().encodeToString(HEX.parseHex(seedHex)),
            Base64.getUrlEncoder().withoutPadding().encodeToString(HEX.parseHex(seedHex)),
            pkcs8Pem(HEX.parseHex(seedHex)),
        }) {
            SigningKey key = SigningKey.fromConfig(config);
            assertEquals(publicHex, HEX.formatHex(key.verificationKey().raw()));
            assertEquals(signatureHex, HEX.formatHex(key.sign(message)));
            assertTrue(key.verificationKey().verify(message, HEX.parseHex(signatureHex)));
            assertTrue(CheckpointSigner.verify(HEX.parseHex(publicHex), message, HEX.parseHex(signatureHex)));
        }
    }

    @Test
    void publicFormsOfRfc8032TestOneKey() {
        SigningKey key = SigningKey.fromConfig(Base64.getEncoder().encodeToString(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
        VerificationKey publicKey = key.verificationKey();
        assertEquals("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", publicKey.toBase64Url());
        assertEquals("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
                + "-----END PUBLIC KEY-----\n", publicKey.toPem());
        assertEquals(HashChain.toHex(HashChain.sha256(publicKey.raw())), publicKey.fingerprint());
        assertEquals(publicKey.fingerprint(), key.fingerprint());
        assertEquals(publicKey, VerificationKey.fromPem(publicKey.toPem()));
        assertEquals(publicKey, VerificationKey.fromBase64Url(publicKey.toBase64Url()));
        assertEquals(publicKey, VerificationKey.fromRaw(publicKey.raw()));
    }

    @Test
    void seedTextMayBeWrappedOrPadded() {
        byte[] seed = new byte[32];
        new Random(5).nextBytes(seed);
        String base64 = Base64.getEncoder().encodeToString(seed);
        String expected = SigningKey.fromConfig(base64).fingerprint();
        assertEquals(expected, SigningKey.fromConfig("  " + base64.substring(0, 20) + "\n" + base64.substring(20) + "\n")
                .fingerprint());
        assertEquals(expected, SigningKey.fromConfig("\n" + pkcs8Pem(seed) + "\n\n").fingerprint());
    }

    @Test
    void generatedKeysSignAndVerify() {
        SecureRandom random = new SecureRandom();
        SigningKey key = SigningKey.generate(random);
        SigningKey other = SigningKey.generate(random);
        assertNotEquals(key.fingerprint(), other.fingerprint());
        Random messages = new Random(9);
        for (int i = 0; i < 50; i++) {
            byte[] message = new byte[messages.nextInt(2_000)];
            messages.nextBytes(message);
            byte[] signature = key.sign(message);
            assertEquals(64, signature.length);
            assertTrue(key.verificationKey().verify(message, signature));
            assertTrue(CheckpointSigner.verify(key.verificationKey().toPem(), message, signature));
            assertFalse(other.verificationKey().verify(message, signature));
            byte[] tampered = signature.clone();
            tampered[messages.nextInt(64)] ^= 1;
            assertFalse(key.verificationKey().verify(message, tampered));
            if (message.length > 0) {
                byte[] changed = message.clone();
                changed[messages.nextInt(changed.length)] ^= 1;
                assertFalse(key.verificationKey().verify(changed, signature));
            }
        }
    }

    @Test
    void malformedSignaturesDoNotVerify() {
        SigningKey key = SigningKey.generate(new SecureRandom());
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        VerificationKey publicKey = key.verificationKey();
        assertFalse(publicKey.verify(message, new byte[0]));
        assertFalse(publicKey.verify(message, new byte[63]));
        assertFalse(publicKey.verify(message, new byte[64]));
        assertFalse(publicKey.verify(message, java.util.Arrays.copyOf(signature, 65)));
        assertFalse(publicKey.verify(message, null));
        assertFalse(publicKey.verify(null, signature));
    }

    @Test
    void textFormsNeverShowThePrivateKey() {
        byte[] seed = new byte[32];
        new Random(11).nextBytes(seed);
        SigningKey key = SigningKey.fromConfig(Base64.getEncoder().encodeToString(seed));
        String text = key.toString();
        assertTrue(text.contains(key.fingerprint()));
        assertFalse(text.contains(HEX.formatHex(seed)));
        assertFalse(text.contains(Base64.getEncoder().encodeToString(seed).substring(0, 12)));
    }

    /** Malformed private key text is refused with a message that quotes none of it and no attached cause. */
    @ParameterizedTest
    @ValueSource(strings = {
        "c2VjcmV0U0VDUkVUc2VjcmV0U0VDUkVUc2VjcmV0",
        "c2VjcmV0U0VDUkVUc2VjcmV0U0VDUkVUc2VjcmV0U0VDUkVUc2VjcmV0U0VDUkVU",
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "no*b64*SECRETKEYMATERIAL!!!",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v!!!SECRETMATERIAL\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v\n-----END PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n",
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhSECRETSECRET\n"
                + "-----END ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                + "-----END RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----",
        "   ",
        "",
    })
    void malformedPrivateKeyTextIsRefusedWithoutQuotingIt(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SigningKey.fromConfig(text));
        assertQuotesNothingOf(text, error);
    }

    @Test
    void nullKeyTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningKey.fromConfig(null));
    }

    @Test
    void aPkcs8KeyOfAnotherAlgorithmIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SigningKey.fromConfig(pem));
        assertTrue(error.getMessage().contains("not an Ed25519 key"), error.getMessage());
        assertQuotesNothingOf(pem, error);
    }

    @Test
    void malformedPublicKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromRaw(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromRaw(new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromRaw(null));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromBase64Url("!!"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromBase64Url("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromPem(pkcs8Pem(new byte[32])));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromPem("junk"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKey.fromPem(""));
        assertThrows(IllegalArgumentException.class,
                () -> CheckpointSigner.verify(new byte[5], new byte[0], new byte[64]));
    }

    static String pkcs8Pem(byte[] seed) {
        byte[] der = HEX.parseHex(PKCS8_PREFIX + HEX.formatHex(seed));
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    }

    /** No run of 6 or more characters from the key text's body appears in the message, and no cause is attached. */
    static void assertQuotesNothingOf(String keyText, IllegalArgumentException error) {
        assertNull(error.getCause(), "a cause could carry the key text");
        String message = error.getMessage();
        String body = keyText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        for (int i = 0; i + 6 <= body.length(); i++) {
            String fragment = body.substring(i, i + 6);
            assertFalse(message.contains(fragment), () -> "message '" + message + "' quotes '" + fragment + "'");
        }
    }
}

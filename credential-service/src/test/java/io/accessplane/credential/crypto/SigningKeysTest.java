package io.accessplane.credential.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys from PEM files, their JWKS and RFC 7638 key ids. */
class SigningKeysTest {

    @TempDir
    Path dir;

    Path pem(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded());
        Path f = Files.createTempFile(dir, "key", ".pem");
        Files.writeString(f, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return f;
    }

    @Test
    void twoKeysRotateTheFirstSignsBothArePublished() throws Exception {
        SigningKeys keys = SigningKeys.fromFiles(List.of(pem(2048).toString(), pem(2048).toString()));
        ObjectNode jwks = keys.jwks(new ObjectMapper());
        assertEquals(2, jwks.get("keys").size());
        assertEquals(keys.active().keyId(), jwks.get("keys").get(0).get("kid").asText());
        assertNotEquals(jwks.get("keys").get(0).get("kid"), jwks.get("keys").get(1).get("kid"));
        assertEquals("AQAB", jwks.get("keys").get(0).get("e").asText());
        assertEquals(43, keys.active().keyId().length(), "base64url SHA-256 thumbprint");
        assertEquals(keys.active().keyId(), SigningKeys.fromFiles(List.of(keys.all().get(0) == keys.active()
                ? pemPathOf(keys) : "")).active().keyId());
    }

    String pemPathOf(SigningKeys keys) throws Exception {
        Path f = Files.createTempFile(dir, "again", ".pem");
        Files.writeString(f, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.active().privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return f.toString();
    }

    @Test
    void weakOrWrongKeysAreRefused() throws Exception {
        Path small = pem(1024);
        assertThrows(GeneralSecurityException.class, () -> SigningKeys.fromFiles(List.of(small.toString())));
        Path pkcs1 = Files.createTempFile(dir, "rsa", ".pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThrows(GeneralSecurityException.class, () -> SigningKeys.fromFiles(List.of(pkcs1.toString())));
    }
}

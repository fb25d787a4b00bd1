package io.accessplane.credential.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The token signing keys: the first signs, all are published as a JWKS. Each key's id is its
 * RFC 7638 thumbprint, so verifiers pick the right key during a rotation.
 */
public final class SigningKeys {

    /** One RSA key with its id. */
    public record SigningKey(String keyId, PrivateKey privateKey, RSAPublicKey publicKey) {
    }

    /** A PEM block: its label and base64 body. */
    private static final java.util.regex.Pattern PEM =
            java.util.regex.Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** The label of an unencrypted PKCS#8 key. */
    private static final String PKCS8_LABEL = "PRIVATE KEY";

    private final List<SigningKey> keys;

    private SigningKeys(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        this.keys = List.copyOf(keys);
    }

    /** Loads PKCS#8 PEM private keys from files, the first being the active one. */
    public static SigningKeys fromFiles(List<String> files) throws IOException, GeneralSecurityException {
        List<SigningKey> keys = new ArrayList<>();
        for (String file : files) {
            keys.add(fromPem(Files.readString(Path.of(file.trim()), StandardCharsets.US_ASCII)));
        }
        return new SigningKeys(keys);
    }

    /** A single fresh key held only in memory (development; tokens die with the process). */
    public static SigningKeys ephemeral() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        return new SigningKeys(List.of(new SigningKey(thumbprint(pub), pair.getPrivate(), pub)));
    }

    static SigningKey fromPem(String pem) throws GeneralSecurityException {
        java.util.regex.Matcher armour = PEM.matcher(pem);
        if (!armour.find() || !PKCS8_LABEL.equals(armour.group(1))) {
            throw new GeneralSecurityException("signing keys must be unencrypted PKCS#8 PEM files");
        }
        String body = armour.group(2).replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("signing keys must be RSA keys with CRT parameters");
        }
        if (crt.getModulus().bitLength() < 2048) {
            throw new GeneralSecurityException("signing keys must have at least 2048 bits");
        }
        RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new SigningKey(thumbprint(pub), key, pub);
    }

    /** The key that signs new tokens. */
    public SigningKey active() {
        return keys.get(0);
    }

    /** Every key, active first. */
    public List<SigningKey> all() {
        return keys;
    }

    /** The public keys as a JSON Web Key Set. */
    public ObjectNode jwks(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("keys");
        for (SigningKey k : keys) {
            array.addObject()
                    .put("kty", "RSA")
                    .put("kid", k.keyId())
                    .put("use", "sig")
                    .put("alg", "RS256")
                    .put("n", b64(k.publicKey().getModulus().toByteArray()))
                    .put("e", b64(k.publicKey().getPublicExponent().toByteArray()));
        }
        return root;
    }

    /** RFC 7638 thumbprint of an RSA public key. */
    static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String json = "{\"e\":\"" + b64(key.getPublicExponent().toByteArray()) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(key.getModulus().toByteArray()) + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String b64(byte[] unsigned) {
        int start = unsigned.length > 1 && unsigned[0] == 0 ? 1 : 0;
        byte[] trimmed = java.util.Arrays.copyOfRange(unsigned, start, unsigned.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(trimmed);
    }
}

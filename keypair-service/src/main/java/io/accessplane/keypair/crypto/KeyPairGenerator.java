package io.accessplane.keypair.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Generates key pairs as Nova does (RSA, PKCS#1 PEM private key, public comment "Generated-by-Nova") and beyond
 * (Ed25519/ECDSA in OpenSSH private key format).
 *
 * <p>Thread-safe. RSA takes 100-200 ms per key (JDK provider); Ed25519 and ECDSA take well under a millisecond.
 */
public final class KeyPairGenerator {

    /** The comment Nova puts on the public keys it generates. */
    public static final String COMMENT = "Generated-by-Nova";

    private final SecureRandom random;

    /** A generator drawing on the platform's default {@link SecureRandom}. */
    public KeyPairGenerator() {
        this(new SecureRandom());
    }

    /** A generator drawing on the given randomness source. */
    public KeyPairGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Generates a new key pair of the algorithm; the private key is returned once and never kept here. */
    public GeneratedKeyPair generate(KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> rsa(algorithm.rsaBits());
            case ED25519 -> ed25519();
            case ECDSA_P256 -> ecdsa(SshKeyKind.ECDSA_P256);
        };
    }

    private GeneratedKeyPair rsa(int bits) {
        KeyPair pair;
        byte[] pkcs1;
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            pair = generator.generateKeyPair();
            pkcs1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive()
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available in this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("RSA private key encoding failed", e);
        }
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        byte[] blob = new SshWireWriter().string(SshKeyKind.RSA.sshName())
                .mpint(publicKey.getPublicExponent()).mpint(publicKey.getModulus()).toByteArray();
        return new GeneratedKeyPair(SshPublicKeyBlob.decode(blob).toParsed(COMMENT),
                PemArmour.armour("RSA PRIVATE KEY", pkcs1, PemArmour.PEM_WIDTH));
    }

    private GeneratedKeyPair ed25519() {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        byte[] publicKey = privateKey.generatePublicKey().getEncoded();
        byte[] seedAndPublic = new byte[64];
        privateKey.encode(seedAndPublic, 0);
        System.arraycopy(publicKey, 0, seedAndPublic, 32, 32);
        String type = SshKeyKind.ED25519.sshName();
        byte[] blob = new SshWireWriter().string(type).string(publicKey).toByteArray();
        byte[] privateFields = new SshWireWriter().string(publicKey).string(seedAndPublic).toByteArray();
        Arrays.fill(seedAndPublic, (byte) 0);
        String pem = OpenSshPrivateKey.pem(blob, type, privateFields, COMMENT, random);
        Arrays.fill(privateFields, (byte) 0);
        return new GeneratedKeyPair(SshPublicKeyBlob.decode(blob).toParsed(COMMENT), pem);
    }

    private GeneratedKeyPair ecdsa(SshKeyKind kind) {
        X9ECParameters curve = kind.curve();
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECDomainParameters(curve), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] point = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        byte[] blob = new SshWireWriter().string(kind.sshName()).string(kind.curveName()).string(point).toByteArray();
        byte[] privateFields = new SshWireWriter().string(kind.curveName()).string(point).mpint(d).toByteArray();
        String pem = OpenSshPrivateKey.pem(blob, kind.sshName(), privateFields, COMMENT, random);
        Arrays.fill(privateFields, (byte) 0);
        return new GeneratedKeyPair(SshPublicKeyBlob.decode(blob).toParsed(COMMENT), pem);
    }
}

package io.accessplane.keypair.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * x509 certificates as Nova makes and accepts them.
 *
 * <p>Like Nova's {@code openssl req -x509 -days 3650 -newkey rsa:2048 -subj /CN=user} with its {@code v3_req_client}
 * extensions: a self-signed RSA-2048 certificate for {@code CN=userId}, valid 3650 days, with extended key usage
 * clientAuth and a subjectAltName otherName UPN {@code userId@localhost} (for WinRM certificate logins). The private
 * key is handed out as base64 PKCS#12 with an empty password (PBES2 AES-256 and an HMAC-SHA256 MAC, which
 * OpenSSL 3 reads without {@code -legacy}).
 */
public final class X509Certificates {

    /** Validity of generated certificates, as Nova's {@code -days 3650}. */
    public static final int VALIDITY_DAYS = 3650;
    /** The longest user id a CN can hold (RFC 5280 ub-common-name). */
    public static final int MAX_USER_ID_CHARS = 64;

    private static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
    private static final int RSA_BITS = 2048;
    private static final char[] EMPTY_PASSWORD = new char[0];

    private final SecureRandom random;
    private final Clock clock;
    private final PublicKeyParser parser = new PublicKeyParser(RSA_BITS);

    /** Certificates with the platform's default randomness and the system clock. */
    public X509Certificates() {
        this(new SecureRandom(), Clock.systemUTC());
    }

    /** Certificates with the given randomness and clock. */
    public X509Certificates(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Generates a self-signed client certificate for the user: publicKey is the PEM certificate, privateKey the base64
     * PKCS#12 (empty password) holding key and certificate.
     */
    public GeneratedKeyPair generate(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (userId.length() > MAX_USER_ID_CHARS) {
            throw new IllegalArgumentException("userId is longer than a certificate CN allows (" + MAX_USER_ID_CHARS
                    + ")");
        }
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certificate(userId, pair);
            ParsedPublicKey publicKey = parser.parseX509(
                    PemArmour.armour("CERTIFICATE", certificate.getEncoded(), PemArmour.PEM_WIDTH));
            return new GeneratedKeyPair(publicKey, pkcs12(userId, pair, certificate));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("x509 certificate generation failed: " + e.getClass().getSimpleName(), e);
        } catch (IOException e) {
            throw new IllegalStateException("x509 certificate encoding failed", e);
        }
    }

    private X509Certificate certificate(String userId, KeyPair pair)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, userId).build();
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofDays(VALIDITY_DAYS));
        BigInteger serial = new BigInteger(159, random).setBit(0);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(notBefore),
                Date.from(notAfter), subject, pair.getPublic())
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(pair.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(pair.getPublic()))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                        GeneralName.otherName, new OtherName(UPN, new DERUTF8String(userId + "@localhost")))));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static String pkcs12(String alias, KeyPair pair, X509Certificate certificate)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, pair.getPrivate(), EMPTY_PASSWORD, new Certificate[] {certificate});
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        store.store(out, EMPTY_PASSWORD);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

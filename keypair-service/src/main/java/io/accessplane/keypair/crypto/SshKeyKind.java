package io.accessplane.keypair.crypto;

import java.util.Optional;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** The SSH public key types the service accepts, with their OpenSSH and service names. */
enum SshKeyKind {
    RSA("ssh-rsa", "rsa", null, null),
    ED25519("ssh-ed25519", "ed25519", null, null),
    ECDSA_P256("ecdsa-sha2-nistp256", "ecdsa-p256", "nistp256", "secp256r1"),
    ECDSA_P384("ecdsa-sha2-nistp384", "ecdsa-p384", "nistp384", "secp384r1"),
    ECDSA_P521("ecdsa-sha2-nistp521", "ecdsa-p521", "nistp521", "secp521r1"),
    SK_ED25519("sk-ssh-ed25519@openssh.com", "sk-ed25519", null, null),
    SK_ECDSA_P256("sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-p256", "nistp256", "secp256r1");

    /** The OpenSSH name of DSA keys, which are refused. */
    static final String DSA_NAME = "ssh-dss";

    private final String sshName;
    private final String algorithm;
    private final String curveName;
    private final String secName;

    SshKeyKind(String sshName, String algorithm, String curveName, String secName) {
        this.sshName = sshName;
        this.algorithm = algorithm;
        this.curveName = curveName;
        this.secName = secName;
    }

    /** The key type name on the wire and in the one-line format, e.g. {@code ssh-ed25519}. */
    String sshName() {
        return sshName;
    }

    /** The service's algorithm name, e.g. {@code ecdsa-p256}. */
    String algorithm() {
        return algorithm;
    }

    /** The curve identifier inside ECDSA blobs ({@code nistp256}), or null for other kinds. */
    String curveName() {
        return curveName;
    }

    /** The curve's parameters for ECDSA kinds, or null for other kinds. */
    X9ECParameters curve() {
        return secName == null ? null : CustomNamedCurves.getByName(secName);
    }

    /** The kind with this OpenSSH type name. */
    static Optional<SshKeyKind> fromSshName(String name) {
        for (SshKeyKind kind : values()) {
            if (kind.sshName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Whether the name is a key type OpenSSH knows, accepted or not (used to spot keys, never to accept them). */
    static boolean isKnownName(String name) {
        return fromSshName(name).isPresent() || DSA_NAME.equals(name) || isCertificateName(name);
    }

    /** Whether the name is an OpenSSH certificate type such as {@code ssh-ed25519-cert-v01@openssh.com}. */
    static boolean isCertificateName(String name) {
        return name.endsWith("-cert-v01@openssh.com");
    }

    /** The accepted type names, for messages. */
    static String acceptedNames() {
        StringBuilder names = new StringBuilder();
        for (SshKeyKind kind : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(kind.sshName);
        }
        return names.toString();
    }
}

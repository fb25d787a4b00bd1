package io.accessplane.keypair.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Encodes an unencrypted private key in OpenSSH's own format ({@code openssh-key-v1}, PROTOCOL.key). */
final class OpenSshPrivateKey {

    private static final byte[] AUTH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK_SIZE_NONE = 8;
    private static final String LABEL = "OPENSSH PRIVATE KEY";

    private OpenSshPrivateKey() {
    }

    /**
     * The PEM text ssh-keygen would write for this key without a passphrase.
     *
     * @param publicBlob    the public key blob
     * @param keyType       the key type name, e.g. {@code ssh-ed25519}
     * @param privateFields the type-specific private fields that follow the type name
     * @param comment       the key comment
     * @param random        source of the check integers
     */
    static String pem(byte[] publicBlob, String keyType, byte[] privateFields, String comment, SecureRandom random) {
        int check = random.nextInt();
        SshWireWriter section = new SshWireWriter()
                .uint32(check)
                .uint32(check)
                .string(keyType)
                .raw(privateFields)
                .string(comment.getBytes(StandardCharsets.UTF_8));
        for (int pad = 1; section.size() % BLOCK_SIZE_NONE != 0; pad++) {
            section.raw(new byte[] {(byte) pad});
        }
        byte[] encoded = new SshWireWriter()
                .raw(AUTH_MAGIC)
                .string("none")
                .string("none")
                .string(new byte[0])
                .uint32(1)
                .string(publicBlob)
                .string(section.toByteArray())
                .toByteArray();
        return PemArmour.armour(LABEL, encoded, PemArmour.OPENSSH_WIDTH);
    }
}

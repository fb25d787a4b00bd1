package io.accessplane.keypair.crypto;

import java.util.Base64;

/** PEM-style armour: a BEGIN line, base64 wrapped at a fixed width, an END line. */
final class PemArmour {

    /** Line width of PKCS#1, PKCS#8 and certificate PEM (RFC 7468). */
    static final int PEM_WIDTH = 64;
    /** Line width ssh-keygen uses for OpenSSH private keys. */
    static final int OPENSSH_WIDTH = 70;

    private PemArmour() {
    }

    /** Armours the bytes under the label, ending with a newline. */
    static String armour(String label, byte[] content, int width) {
        String base64 = Base64.getEncoder().encodeToString(content);
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / width + 2 * label.length() + 40);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += width) {
            out.append(base64, i, Math.min(base64.length(), i + width)).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }
}

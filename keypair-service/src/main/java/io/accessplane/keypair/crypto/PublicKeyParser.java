package io.accessplane.keypair.crypto;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Parses and validates public keys users import.
 *
 * <p>Every rejection is a {@link KeyRejectedException} whose message is fit for API users: it names the problem and
 * never repeats any part of the submitted text (only fixed key type names from the accepted list appear in it).
 */
public final class PublicKeyParser {

    /** The longest input accepted, in characters. */
    public static final int MAX_INPUT_CHARS = 16 * 1024;

    static final String PRIVATE_KEY = "This is a private key; import the public key only.";
    static final String MORE_THAN_ONE_KEY = "More than one public key was submitted; import one key at a time.";
    static final String NOT_BASE64 = "The key data is not valid base64.";

    private static final String RFC4716_BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    private static final String RFC4716_END = "---- END SSH2 PUBLIC KEY ----";
    private static final int RFC4716_MAX_HEADER_TAG = 64;
    private static final String CERTIFICATE_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String CERTIFICATE_END = "-----END CERTIFICATE-----";
    private static final String[] PRIVATE_KEY_MARKERS = {
        "PRIVATE KEY-----", "PRIVATE KEY ----", "PUTTY-USER-KEY-FILE-", "BEGIN SSH2 ENCRYPTED PRIVATE KEY"
    };

    private final int minRsaBits;

    /** A parser refusing RSA keys (ssh and x509) shorter than {@code minRsaBits}; the service uses 2048. */
    public PublicKeyParser(int minRsaBits) {
        if (minRsaBits < 0 || minRsaBits > SshPublicKeyBlob.MAX_RSA_BITS) {
            throw new IllegalArgumentException("minRsaBits must be between 0 and " + SshPublicKeyBlob.MAX_RSA_BITS);
        }
        this.minRsaBits = minRsaBits;
    }

    /** Parses an OpenSSH one-line or RFC 4716 public key into its normalised one-line form and fingerprints. */
    public ParsedPublicKey parseSsh(String text) {
        String input = screened(text, "public key");
        if (input.startsWith("---- BEGIN SSH2")) {
            return accepted(parseRfc4716(input));
        }
        if (input.contains(CERTIFICATE_BEGIN)) {
            throw new KeyRejectedException("This is an X.509 certificate; import it with type x509.");
        }
        if (input.contains("-----BEGIN") && input.contains("PUBLIC KEY-----")) {
            throw new KeyRejectedException("This is a PEM public key; convert it to OpenSSH format first "
                    + "(ssh-keygen -i -m PKCS8 -f key.pem, or -m PEM for an RSA PUBLIC KEY).");
        }
        return accepted(parseOneLine(input));
    }

    /** Parses a PEM X.509 certificate into its normalised PEM and Nova's SHA-1 fingerprint. */
    public ParsedPublicKey parseX509(String pem) {
        String input = screened(pem, "certificate");
        int begin = input.indexOf(CERTIFICATE_BEGIN);
        if (begin < 0) {
            throw notACertificate(input);
        }
        int end = input.indexOf(CERTIFICATE_END, begin);
        if (end < 0) {
            throw new KeyRejectedException("The certificate has no END CERTIFICATE line.");
        }
        if (input.indexOf(CERTIFICATE_BEGIN, end) >= 0) {
            throw new KeyRejectedException("More than one certificate was submitted; import one certificate.");
        }
        byte[] der = base64(input.substring(begin + CERTIFICATE_BEGIN.length(), end).replaceAll("\\s+", ""),
                "The certificate is not valid base64.");
        X509Certificate certificate = certificate(der);
        return new ParsedPublicKey(KeyType.X509, "x509-" + keyAlgorithm(certificate.getPublicKey()),
                keyBits(certificate.getPublicKey()), PemArmour.armour("CERTIFICATE", der, PemArmour.PEM_WIDTH),
                Fingerprints.sha1(der), Fingerprints.sha256(der));
    }

    /** Whether the text holds a private key in any format we know (PEM, OpenSSH, PuTTY, ssh.com). */
    static boolean containsPrivateKey(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (String marker : PRIVATE_KEY_MARKERS) {
            if (upper.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String screened(String text, String what) {
        if (text == null) {
            throw new KeyRejectedException("The " + what + " is empty.");
        }
        if (text.length() > MAX_INPUT_CHARS) {
            throw new KeyRejectedException("The " + what + " is too long; at most " + MAX_INPUT_CHARS
                    + " characters are accepted.");
        }
        String input = text.replace("\uFEFF", "").strip();
        if (input.isEmpty()) {
            throw new KeyRejectedException("The " + what + " is empty.");
        }
        if (containsPrivateKey(input)) {
            throw new KeyRejectedException(PRIVATE_KEY);
        }
        return input;
    }

    private ParsedPublicKey accepted(Candidate candidate) {
        SshPublicKeyBlob key = candidate.key();
        if (key.kind() == SshKeyKind.RSA && key.bits() < minRsaBits) {
            throw new KeyRejectedException("RSA keys must have at least " + minRsaBits + " bits; this one has "
                    + key.bits() + ".");
        }
        return key.toParsed(candidate.comment());
    }

    /** A decoded key and the comment that came with it. */
    private record Candidate(SshPublicKeyBlob key, String comment) {
    }

    private static Candidate parseOneLine(String input) {
        List<String> lines = nonBlankLines(input);
        if (lines.size() > 1) {
            long keyLines = lines.stream().filter(line -> SshKeyKind.isKnownName(firstToken(line))).count();
            throw new KeyRejectedException(keyLines > 1 ? MORE_THAN_ONE_KEY
                    : "An OpenSSH public key must be on a single line.");
        }
        String line = lines.get(0);
        String[] fields = line.split("[ \t]+", 3);
        String type = fields[0];
        SshKeyKind kind = SshKeyKind.fromSshName(type).orElseThrow(() -> unknownType(line));
        if (fields.length < 2) {
            throw new KeyRejectedException("The key data is missing after the key type.");
        }
        byte[] blob = base64(fields[1], NOT_BASE64);
        String inner = new SshWireReader(blob).readAsciiString();
        if (!inner.equals(type)) {
            throw new KeyRejectedException("The key type " + kind.sshName() + " does not match the key data"
                    + (SshKeyKind.isKnownName(inner) ? " (which holds a " + inner + " key)." : "."));
        }
        SshPublicKeyBlob key = SshPublicKeyBlob.decode(blob);
        String comment = fields.length > 2 ? fields[2].strip() : "";
        checkComment(comment);
        return new Candidate(key, comment);
    }

    private static Candidate parseRfc4716(String input) {
        String[] lines = input.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].strip();
        }
        if (!lines[0].equals(RFC4716_BEGIN)) {
            throw new KeyRejectedException("Only SSH2 public keys are accepted in RFC 4716 format.");
        }
        int end = Arrays.asList(lines).indexOf(RFC4716_END);
        if (end < 0) {
            throw new KeyRejectedException("The SSH2 public key has no END line.");
        }
        for (int i = end + 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                throw new KeyRejectedException(lines[i].startsWith("---- BEGIN") ? MORE_THAN_ONE_KEY
                        : "Unexpected text follows the END line of the SSH2 public key.");
            }
        }
        String comment = "";
        int i = 1;
        while (i < end && lines[i].indexOf(':') >= 0) {
            StringBuilder header = new StringBuilder(lines[i]);
            while (header.length() > 0 && header.charAt(header.length() - 1) == '\\') {
                header.setLength(header.length() - 1);
                if (++i >= end) {
                    throw malformedHeader();
                }
                header.append(lines[i]);
            }
            int colon = header.indexOf(":");
            String tag = header.substring(0, colon).strip();
            if (tag.isEmpty() || tag.length() > RFC4716_MAX_HEADER_TAG) {
                throw malformedHeader();
            }
            if (tag.equalsIgnoreCase("Comment")) {
                comment = unquoted(header.substring(colon + 1).strip());
            }
            i++;
        }
        StringBuilder body = new StringBuilder();
        for (; i < end; i++) {
            if (lines[i].indexOf(':') >= 0 || lines[i].startsWith("----")) {
                throw new KeyRejectedException("The SSH2 public key is malformed: a header or marker line "
                        + "appears inside the key data.");
            }
            body.append(lines[i]);
        }
        if (body.length() == 0) {
            throw new KeyRejectedException("The SSH2 public key has no key data.");
        }
        byte[] blob = base64(body.toString(), NOT_BASE64);
        SshPublicKeyBlob key = SshPublicKeyBlob.decode(blob);
        checkComment(comment);
        return new Candidate(key, comment);
    }

    private static KeyRejectedException malformedHeader() {
        return new KeyRejectedException("The SSH2 public key has a malformed header line.");
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    private static KeyRejectedException unknownType(String line) {
        String[] tokens = line.split("[ \t]+");
        String first = tokens[0];
        if (SshKeyKind.isKnownName(first)) {
            return SshPublicKeyBlob.unsupported(first);
        }
        for (int i = 1; i < tokens.length; i++) {
            if (SshKeyKind.fromSshName(tokens[i]).isPresent()) {
                return new KeyRejectedException("Options before the key type (as in authorized_keys) are not "
                        + "accepted; submit the public key line only.");
            }
        }
        if (blobTypeName(first) != null) {
            return new KeyRejectedException("The key type is missing before the key data.");
        }
        return SshPublicKeyBlob.unsupported(first);
    }

    /** The known type name a base64 token's blob starts with, or null if it is not such a blob. */
    private static String blobTypeName(String token) {
        try {
            String name = new SshWireReader(Base64.getDecoder().decode(token)).readAsciiString();
            return SshKeyKind.isKnownName(name) ? name : null;
        } catch (IllegalArgumentException | KeyRejectedException e) {
            return null;
        }
    }

    private static void checkComment(String comment) {
        String[] tokens = comment.split("[ \t]+");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (SshKeyKind.isKnownName(tokens[i]) && tokens[i].equals(blobTypeName(tokens[i + 1]))) {
                throw new KeyRejectedException(MORE_THAN_ONE_KEY);
            }
        }
        for (int i = 0; i < comment.length(); i++) {
            char c = comment.charAt(i);
            if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                throw new KeyRejectedException("The key comment contains control characters.");
            }
        }
    }

    private static List<String> nonBlankLines(String input) {
        List<String> lines = new ArrayList<>();
        for (String line : input.split("\\R")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    private static String firstToken(String line) {
        return line.split("[ \t]+", 2)[0];
    }

    private static byte[] base64(String text, String message) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length == 0) {
                throw new KeyRejectedException(message);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new KeyRejectedException(message);
        }
    }

    private static KeyRejectedException notACertificate(String input) {
        if (input.startsWith("---- BEGIN SSH2") || SshKeyKind.isKnownName(firstToken(input))) {
            return new KeyRejectedException("This is an SSH public key; import it with type ssh.");
        }
        return new KeyRejectedException("The certificate must be in PEM format (-----BEGIN CERTIFICATE-----).");
    }

    private static X509Certificate certificate(byte[] der) {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null || !Arrays.equals(certificate.getEncoded(), der)) {
                throw new KeyRejectedException("The certificate is malformed or has unexpected bytes after it.");
            }
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof KeyRejectedException rejected) {
                throw rejected;
            }
            throw new KeyRejectedException("The certificate could not be parsed as an X.509 certificate.");
        }
        return certificate;
    }

    private String keyAlgorithm(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < minRsaBits) {
                throw new KeyRejectedException("RSA keys must have at least " + minRsaBits + " bits; this certificate's "
                        + "key has " + bits + ".");
            }
            return "rsa";
        }
        if (key instanceof ECPublicKey) {
            return "ec";
        }
        if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return "ed25519";
        }
        if ("DSA".equals(key.getAlgorithm())) {
            throw SshPublicKeyBlob.dsa();
        }
        throw new KeyRejectedException("The certificate's key type is not supported; use RSA, ECDSA or Ed25519.");
    }

    private static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 256;
    }
}

package io.accessplane.audit.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys whose checkpoints verification accepts: the current signing key's and the earlier
 * ones an operator keeps trusted after rotating it.
 */
public final class TrustedCheckpointKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\\s]+-----END PUBLIC KEY-----");

    private final VerificationKey current;
    private final List<VerificationKey> earlier;

    /** The current key and the earlier ones still trusted. */
    public TrustedCheckpointKeys(VerificationKey current, List<VerificationKey> earlier) {
        this.current = current;
        this.earlier = List.copyOf(earlier);
    }

    /** Every trusted key, the current one first. */
    public List<VerificationKey> all() {
        List<VerificationKey> all = new ArrayList<>();
        all.add(current);
        earlier.stream().filter(k -> !k.equals(current)).forEach(all::add);
        return all;
    }

    /** The Ed25519 public keys of a text holding one or more PEM blocks; an error when it holds none. */
    public static List<VerificationKey> parsePems(String text) {
        List<VerificationKey> keys = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            keys.add(VerificationKey.fromPem(m.group()));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PEM public key (-----BEGIN PUBLIC KEY-----) in it");
        }
        return keys;
    }
}

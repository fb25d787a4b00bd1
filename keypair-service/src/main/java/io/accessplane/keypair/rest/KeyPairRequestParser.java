package io.accessplane.keypair.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.keypair.crypto.KeyAlgorithm;
import io.accessplane.keypair.crypto.KeyType;
import io.accessplane.keypair.service.KeyPairRequest;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a create body against Nova's schema for the request's microversion. */
public final class KeyPairRequestParser {

    /** Names up to 2.91. */
    static final Pattern NAME_OLD = Pattern.compile("^[_\\- a-zA-Z0-9]+$");
    /** Names from 2.92. */
    static final Pattern NAME_NEW = Pattern.compile("^[_\\-@. a-zA-Z0-9]+$");
    /** Our extension: which algorithm to generate. */
    static final String ALGORITHM = "key_algorithm";

    private KeyPairRequestParser() {
    }

    /** The request, or a {@link NovaException} (400) saying what is wrong. */
    public static KeyPairRequest parse(JsonNode root, Microversion v) {
        if (root == null || !root.isObject()) {
            throw NovaException.badRequest("Invalid input for field/attribute keypair. The request body must be an object.");
        }
        JsonNode kp = root.get("keypair");
        if (kp == null || !kp.isObject()) {
            throw NovaException.badRequest("Invalid input for field/attribute keypair. 'keypair' is a required property");
        }
        if (root.size() != 1) {
            throw NovaException.badRequest("Additional properties are not allowed at the top level of the body.");
        }
        Set<String> allowed = new HashSet<>(Set.of("name", "public_key", ALGORITHM));
        if (v.atLeast(2)) {
            allowed.add("type");
        }
        if (v.atLeast(10)) {
            allowed.add("user_id");
        }
        for (Iterator<String> it = kp.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw NovaException.badRequest("Invalid input for field/attribute keypair. Additional properties are not "
                        + "allowed ('" + printable(f) + "' was unexpected)");
            }
        }
        String name = string(kp, "name", true);
        if (name.length() > 255 || !name.equals(name.strip())
                || !(v.atLeast(92) ? NAME_NEW : NAME_OLD).matcher(name).matches()) {
            throw NovaException.badRequest("Invalid input for field/attribute name. Key pair names are 1 to 255 "
                    + "characters of letters, digits, '_', '-', space" + (v.atLeast(92) ? ", '@' and '.'" : "")
                    + ", without leading or trailing spaces.");
        }
        String publicKey = string(kp, "public_key", false);
        if (publicKey != null && publicKey.length() > 16_384) {
            throw NovaException.badRequest("Keypair data is invalid: the public key is too long.");
        }
        if (publicKey == null && v.atLeast(92)) {
            throw NovaException.badRequest("Invalid input for field/attribute public_key. 'public_key' is a required "
                    + "property from microversion 2.92: key pairs are imported, not generated.");
        }
        KeyType type = KeyType.SSH;
        String t = string(kp, "type", false);
        if (t != null) {
            type = KeyType.fromWire(t).orElseThrow(() -> NovaException.badRequest(
                    "Invalid input for field/attribute type. Value must be one of 'ssh', 'x509'."));
        }
        String algorithm = string(kp, ALGORITHM, false);
        KeyAlgorithm alg = null;
        if (algorithm != null) {
            if (publicKey != null || type != KeyType.SSH) {
                throw NovaException.badRequest("'" + ALGORITHM + "' applies only to generated ssh key pairs.");
            }
            alg = KeyAlgorithm.fromWire(algorithm).orElseThrow(() -> NovaException.badRequest(
                    "Invalid input for field/attribute " + ALGORITHM
                            + ". Value must be one of rsa-2048, rsa-3072, rsa-4096, ed25519, ecdsa-p256."));
        }
        return new KeyPairRequest(name, type, publicKey, string(kp, "user_id", false), alg);
    }

    private static String string(JsonNode o, String field, boolean required) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw NovaException.badRequest("Invalid input for field/attribute keypair. '" + field
                        + "' is a required property");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw NovaException.badRequest("Invalid input for field/attribute " + field + ". Value must be a string.");
        }
        if (n.textValue().isEmpty()) {
            throw NovaException.badRequest("Invalid input for field/attribute " + field + ". Value must not be empty.");
        }
        return n.textValue();
    }

    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

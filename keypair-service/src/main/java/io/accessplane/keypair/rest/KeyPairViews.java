package io.accessplane.keypair.rest;

import io.accessplane.keypair.repository.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's JSON views of a key pair for each call and microversion, plus our extra fields. */
public final class KeyPairViews {

    private static final DateTimeFormatter NOVA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private KeyPairViews() {
    }

    static String time(Instant t) {
        return t == null ? null : NOVA_TIME.format(t);
    }

    /** An entry of the list. */
    public static Map<String, Object> listed(KeyPair k, Microversion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name);
        m.put("public_key", k.publicKey);
        m.put("fingerprint", k.fingerprint);
        if (v.atLeast(2)) {
            m.put("type", k.type);
        }
        return Map.of("keypair", m);
    }

    /** The answer to a create; {@code privateKey} only when generated. */
    public static Map<String, Object> created(KeyPair k, String privateKey, Microversion v) {
        Map<String, Object> m = owned(k, v);
        if (privateKey != null) {
            m.put("private_key", privateKey);
        }
        extras(k, m);
        return Map.of("keypair", m);
    }

    /** The answer to a show. */
    public static Map<String, Object> shown(KeyPair k, Microversion v) {
        Map<String, Object> m = owned(k, v);
        m.put("id", k.id);
        m.put("created_at", time(k.createdAt));
        m.put("updated_at", null);
        m.put("deleted", false);
        m.put("deleted_at", null);
        extras(k, m);
        return Map.of("keypair", m);
    }

    /** The fields create and show share: Nova's, with the owner and (from 2.2) the type. */
    private static Map<String, Object> owned(KeyPair k, Microversion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name);
        m.put("public_key", k.publicKey);
        m.put("fingerprint", k.fingerprint);
        m.put("user_id", k.userId);
        if (v.atLeast(2)) {
            m.put("type", k.type);
        }
        return m;
    }

    private static void extras(KeyPair k, Map<String, Object> m) {
        m.put("fingerprint_sha256", k.fingerprintSha256);
        m.put("key_algorithm", k.algorithm);
        m.put("bits", k.bits);
        m.put("created_at", time(k.createdAt));
    }
}

package io.accessplane.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads custom claims of a verified token whatever JSON or Java form the verifier gives them. */
public final class ClaimValues {

    private ClaimValues() {
    }

    /** A string claim, or null. */
    public static String string(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value.toString();
    }

    /** A boolean claim, false when absent. */
    public static boolean bool(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value == JsonValue.TRUE || (value != null && "true".equals(value.toString()));
    }

    /** A list-of-strings claim, empty when absent. */
    public static List<String> strings(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        }
        return out;
    }
}

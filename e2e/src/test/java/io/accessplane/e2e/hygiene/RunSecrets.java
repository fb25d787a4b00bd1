package io.accessplane.e2e.hygiene;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the system tests made or were given during this run (passwords, application
 * credential secrets, tokens, private keys), so the last test can look for all of them at once.
 * The client wrapper records what passes through it; tests record what they make otherwise.
 */
public final class RunSecrets {

    /** Shorter values would match by chance; every secret the suite makes is longer. */
    static final int MIN_LENGTH = 10;
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    private static final Pattern SECRET_FIELD = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private RunSecrets() {
    }

    /** Records a secret under a description of what it is. */
    public static void add(String what, String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            SECRETS.putIfAbsent(value, what);
        }
    }

    /** Records the secrets in a command's output: tokens, application credential secrets, private keys. */
    public static void fromOutput(String command, String output) {
        Matcher jwt = JWT.matcher(output);
        while (jwt.find()) {
            add("token (" + command + ")", jwt.group());
        }
        Matcher secret = SECRET_FIELD.matcher(output);
        while (secret.find()) {
            add("application credential secret (" + command + ")", secret.group(1));
        }
        if (output.contains("PRIVATE KEY-----")) {
            // the base64 body lines of the key, never the armour
            output.lines().filter(l -> !l.startsWith("-----") && l.length() >= 40 && !l.contains(" "))
                    .forEach(l -> add("private key line (" + command + ")", l));
        }
    }

    /** Every recorded secret, value to description. */
    public static Map<String, String> all() {
        return Map.copyOf(SECRETS);
    }
}

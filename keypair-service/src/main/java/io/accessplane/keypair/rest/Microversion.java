package io.accessplane.keypair.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion ({@code 2.x}) as negotiated from Nova's request headers. */
public record Microversion(int minor) implements Comparable<Microversion> {

    /** The oldest version served (and the one used when the client names none). */
    public static final Microversion MIN = new Microversion(1);
    /** The newest version served: key pair behaviour is defined through Nova's newest. */
    public static final Microversion MAX = new Microversion(104);
    /** The standard header. */
    public static final String HEADER = "OpenStack-API-Version";
    /** Nova's legacy header. */
    public static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";

    private static final Pattern VERSION = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})$");

    /** Why a requested version cannot be served, with the status Nova answers. */
    public static final class Unacceptable extends RuntimeException {
        private final int status;

        Unacceptable(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** 400 for a malformed version, 406 for one out of range. */
        public int status() {
            return status;
        }
    }

    /** The version a request asks for: the standard header wins over the legacy one; none means 2.1. */
    public static Microversion negotiate(String standard, String legacy) {
        String requested = null;
        if (standard != null && !standard.isBlank()) {
            String[] parts = standard.trim().split("\\s+");
            if (parts.length != 2) {
                throw new Unacceptable(400, "Invalid OpenStack-API-Version header: " + clip(standard));
            }
            if (!"compute".equalsIgnoreCase(parts[0])) {
                return MIN;
            }
            requested = parts[1];
        } else if (legacy != null && !legacy.isBlank()) {
            requested = legacy.trim();
        }
        if (requested == null) {
            return MIN;
        }
        if ("latest".equals(requested.toLowerCase(Locale.ROOT))) {
            return MAX;
        }
        Matcher m = VERSION.matcher(requested);
        if (!m.matches()) {
            throw new Unacceptable(400, "Invalid API version request string: " + clip(requested));
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        Microversion v = new Microversion(minor);
        if (major != 2 || v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
            throw new Unacceptable(406, "Version " + major + "." + minor + " is not supported by the API. Minimum is "
                    + MIN + " and maximum is " + MAX + ".");
        }
        return v;
    }

    /** Whether this version is at least 2.{@code minor}. */
    public boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    @Override
    public int compareTo(Microversion o) {
        return Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return "2." + minor;
    }

    private static String clip(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

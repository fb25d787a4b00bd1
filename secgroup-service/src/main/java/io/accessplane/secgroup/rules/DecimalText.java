package io.accessplane.secgroup.rules;

import java.math.BigInteger;

/** Reads decimal text the way Python's {@code int(str)} does, which Neutron and netaddr rely on. */
final class DecimalText {

    private DecimalText() {
    }

    /**
     * Parses {@code text} like Python's {@code int(text)}: surrounding whitespace, one optional sign,
     * ASCII digits with single underscores between them. Returns null when Python would raise
     * ValueError. (Python also accepts non-ASCII decimal digits; those are rejected here.)
     */
    static BigInteger parse(String text) {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean previousWasDigit = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                previousWasDigit = true;
            } else if (c == '_' && previousWasDigit && i + 1 < s.length()) {
                previousWasDigit = false;
            } else {
                return null;
            }
        }
        if (!previousWasDigit) {
            return null;
        }
        BigInteger value = new BigInteger(digits.toString());
        return negative ? value.negate() : value;
    }

    /** True when {@code text} is the canonical form {@code str(int)} would print for a non-negative int. */
    static boolean isCanonical(String text) {
        if (text == null || text.isEmpty() || text.length() > 1 && text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

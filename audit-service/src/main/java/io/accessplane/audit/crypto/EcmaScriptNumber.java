package io.accessplane.audit.crypto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Writes a double exactly as ECMAScript's Number.prototype.toString does, as RFC 8785 requires for numbers. */
public final class EcmaScriptNumber {
    /** Integers below 2^53 in magnitude are exact as doubles and print as plain digits. */
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0;
    /** 17 significant digits always round-trip a binary64 value. */
    private static final int MAX_DIGITS = 17;

    private EcmaScriptNumber() {
    }

    /**
     * The ECMAScript text of {@code value}: shortest round-trip digits, plain notation for
     * decimal exponents in [-6, 21), otherwise {@code d.ddde+x}; -0 is written as {@code 0}.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
     */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) value);
        }
        Digits digits = shortest(Math.abs(value));
        String text = layout(digits.significand(), digits.pointPosition());
        return value < 0 ? "-" + text : text;
    }

    /** The shortest decimal (then closest, then even) that reads back as {@code magnitude}. */
    private static Digits shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        // Round-tripping is monotone in the digit count: a candidate at p+1 digits is at least as
        // close as the one at p digits on the same side, so binary search for the least count.
        int low = 1;
        int high = MAX_DIGITS;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (candidate(exact, magnitude, mid) != null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        BigDecimal best = candidate(exact, magnitude, low);
        BigDecimal stripped = best.stripTrailingZeros();
        String significand = stripped.unscaledValue().toString();
        return new Digits(significand, significand.length() - stripped.scale());
    }

    /**
     * Of the two {@code precision}-digit decimals either side of {@code exact}, the one that parses
     * back to {@code magnitude} (the closer if both do, the even significand on a tie), or null.
     */
    private static BigDecimal candidate(BigDecimal exact, double magnitude, int precision) {
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean downOk = Double.parseDouble(down.toString()) == magnitude;
        boolean upOk = Double.parseDouble(up.toString()) == magnitude;
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? down : up;
            }
            return isEven(down) ? down : up;
        }
        if (downOk) {
            return down;
        }
        return upOk ? up : null;
    }

    private static boolean isEven(BigDecimal decimal) {
        BigInteger unscaled = decimal.unscaledValue();
        return !unscaled.testBit(0);
    }

    /** ECMA-262 Number::toString steps for significand digits s (k of them) and exponent n. */
    private static String layout(String s, int n) {
        int k = s.length();
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(s);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int exponent = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /** A significand's digits and the position of the decimal point: value = 0.digits × 10^point. */
    private record Digits(String significand, int pointPosition) {
    }
}

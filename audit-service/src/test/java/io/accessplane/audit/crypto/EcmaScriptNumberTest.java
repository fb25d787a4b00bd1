package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECMAScript Number::toString as RFC 8785 uses it, on the RFC's own samples and on random doubles. */
class EcmaScriptNumberTest {
    private static final Pattern ES_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?(e[+-][1-9][0-9]*)?");

    /**
     * RFC 8785 Appendix B, finite rows. Checked against several independent copies of the table: the
     * 0x44b52d02c7e14af5..7 rows are 9.999999999999997e+22 / 1e+23 / 1.0000000000000001e+23 (0x44b52d02c7e14af6
     * is the double nearest 1e23), not the e+21 / e+22 values sometimes quoted from memory.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void appendixBSamples(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertEquals(expected, EcmaScriptNumber.format(value));
    }

    @Test
    void appendixBRow44b52d02c7e14af6IsTheDoubleNearestTenToThe23() {
        assertEquals(0x44b52d02c7e14af6L, Double.doubleToRawLongBits(1e23));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "7ff8000000000000", "7ff0000000000000", "fff0000000000000", "7ff0000000000001",
    })
    void appendixBNonFiniteRowsAreErrors(String ieeeHex) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertThrows(IllegalArgumentException.class, () -> EcmaScriptNumber.format(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1, 1", "-1, -1", "10, 10", "100, 100", "0.1, 0.1", "-0.5, -0.5", "1.5, 1.5", "123.456, 123.456",
        "1e20, 100000000000000000000", "1e21, 1e+21", "-1e21, -1e+21", "1.5e21, 1.5e+21",
        "123e18, 123000000000000000000", "1e-6, 0.000001", "1.5e-6, 0.0000015", "1e-7, 1e-7", "1.5e-7, 1.5e-7",
        "0.000001234, 0.000001234", "0.0000001234, 1.234e-7", "1e30, 1e+30", "4.50, 4.5", "2e-3, 0.002",
        "1e-27, 1e-27", "333333333.33333329, 333333333.3333333", "9007199254740993, 9007199254740992",
        "2.2250738585072014E-308, 2.2250738585072014e-308", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.3, 0.3", "0.30000000000000004, 0.30000000000000004", "100.0, 100", "1234567890123456789, 1234567890123456800",
        "2e23, 2e+23", "5e-324, 5e-324", "1e23, 1e+23", "8.41e21, 8.41e+21", "5e22, 5e+22",
        "2.82879384806159E17, 282879384806159000", "1.387364135037754E18, 1387364135037754000",
    })
    void knownValues(double input, String expected) {
        assertEquals(expected, EcmaScriptNumber.format(input));
    }

    @Test
    void negativeZeroIsZero() {
        assertEquals("0", EcmaScriptNumber.format(-0.0));
    }

    /** Random bit patterns: every finite double round-trips, in the ES grammar, and no longer than Java's digits. */
    @Test
    void randomBitPatternsRoundTripShortestAndWellFormed() {
        Random random = new Random(8785);
        int checked = 0;
        while (checked < 20_000) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            assertProperties(value);
            checked++;
        }
    }

    /** Values people write: short decimals, integers, powers of ten and values near the layout thresholds. */
    @Test
    void humanScaleValuesRoundTripShortestAndWellFormed() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 5) {
                case 0 -> random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12));
                case 1 -> (random.nextLong() >> random.nextInt(63));
                case 2 -> Math.pow(10, random.nextInt(630) - 323) * (random.nextBoolean() ? 1 : -1);
                case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(44) - 22);
                default -> Math.nextUp(Math.pow(10, random.nextInt(50) - 25));
            };
            assertProperties(value);
        }
    }

    /** Doubles reported (JDK-4511638) to print with more digits than needed on Java before 19. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"2.0E-3", "1.0E23", "4.9E-324", "2.82879384806159E17", "1.387364135037754E18", "1.45800632428665E17"})
    void awkwardValuesAreShortest(double value) {
        assertProperties(value);
    }

    private static void assertProperties(double value) {
        String text = EcmaScriptNumber.format(value);
        assertTrue(ES_NUMBER.matcher(text).matches(), () -> text + " is not in the ES number grammar");
        assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(text), () -> text + " does not read back");
        double magnitude = Math.abs(value);
        boolean plain = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21);
        assertEquals(plain, !text.contains("e"), () -> text + " uses the wrong notation for " + value);
        int ours = significantDigits(text);
        int javas = significantDigits(Double.toString(value));
        assertTrue(ours <= javas, () -> text + " has more digits than Java's " + value);
        assertTrue(ours <= 17, () -> text + " has more than 17 digits");
        if (ours > 1) {
            assertTrue(noShorterDecimalRoundTrips(value, ours - 1), () -> text + " is not the shortest form");
        }
    }

    /** Independent check by brute force: no decimal with {@code digits} significant digits reads back as value. */
    private static boolean noShorterDecimalRoundTrips(double value, int digits) {
        BigDecimal exact = new BigDecimal(Math.abs(value));
        for (java.math.RoundingMode mode : new java.math.RoundingMode[] {
            java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
            BigDecimal candidate = exact.round(new java.math.MathContext(digits, mode));
            if (Double.parseDouble(candidate.toString()) == Math.abs(value)) {
                return false;
            }
        }
        return true;
    }

    private static int significantDigits(String text) {
        String mantissa = text.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        String trimmed = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, trimmed.length());
    }
}

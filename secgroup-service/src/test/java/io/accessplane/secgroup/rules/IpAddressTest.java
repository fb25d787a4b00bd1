package io.accessplane.secgroup.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    /** Expected texts produced by glibc inet_ntop (what netaddr prints) for the same 128-bit values. */
    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:ffff:7b38:2e71, ::ffff:123.56.46.113",
        "0:0:0:0:0:0:4ef9:5c88, ::78.249.92.136",
        "ffff:0:ffff:ffff:ffff:1:0:ffff, ffff:0:ffff:ffff:ffff:1:0:ffff",
        "0:0:5c0a:0:ffff:0:0:0, 0:0:5c0a:0:ffff::",
        "0:0:1:1412:ffff:0:ffff:ffff, ::1:1412:ffff:0:ffff:ffff",
        "0:0:f2bd:0:9e84:0:c586:0, ::f2bd:0:9e84:0:c586:0",
        "0:ffff:1:0:0:1:1:0, 0:ffff:1::1:1:0",
        "1:0:ffff:8e8d:0:0:0:0, 1:0:ffff:8e8d::",
        "ffff:ffff:0:0:ffff:0:0:1, ffff:ffff::ffff:0:0:1",
        "0:1:0:0:0:0:0:ffff, 0:1::ffff",
        "0:0:ffff:989f:2e98:ffff:0:0, ::ffff:989f:2e98:ffff:0:0",
        "a8c9:ffff:0:cd26:0:0:0:1, a8c9:ffff:0:cd26::1",
        "0:0:ffff:ffff:0:0:0:0, 0:0:ffff:ffff::",
        "0:4f13:0:0:0:1:0:0, 0:4f13::1:0:0",
        "0:0:0:ffff:0:ffff:0:0, ::ffff:0:ffff:0:0",
        "0:0:ffff:0:0:dd46:ffff:ffff, ::ffff:0:0:dd46:ffff:ffff",
        "9d95:0:0:1:0:0:2435:1, 9d95::1:0:0:2435:1",
        "ffff:0:0:0:ffff:0:0:0, ffff::ffff:0:0:0",
        "0:0:0:0:0:0:c0bc:83b, ::192.188.8.59",
        "ffff:1:1:0:0:0:ffff:0, ffff:1:1::ffff:0",
        "ffff:0:0:0:1:1:0:0, ffff::1:1:0:0",
        "1:0:0:1:0:0:0:1, 1:0:0:1::1",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "2001:DB8:0:0:1:0:0:0, 2001:db8:0:0:1::",
        "0:0:0:0:0:1:0:0, ::1:0:0",
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:2, ::2",
        "0:0:0:0:0:0:1:0, ::0.1.0.0",
        "::ffff:0:1.2.3.4, ::ffff:0:102:304",
        "0:0:0:0:0:0:0:0, ::",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    })
    void printsIpv6LikeGlibc(String input, String expected) {
        assertEquals(expected, IpAddress.parse(input).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.04", "1.2.3", "1.2.3.4.", ".1.2.3.4", "256.1.1.1", "1.2.3.-4", " 1.2.3.4",
        "1.2.3.4 ", "1..2.3", "::1.2.3.04", "1::2::3", "::ffff:1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4",
        "01234::", "::1.2.3.4:5", ":1::", "1::2:", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
        "fe80::1%eth0", "g::", "", "localhost", "[::1]", "1:2:3:4:5:6:7", "::a.2.3.4", "١.2.3.4"})
    void rejectsWhatInetPtonRejects(String text) {
        assertNull(IpAddress.tryParse(text));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
    }

    @Test
    void keepsIpv4MappedAddressesIpv6() {
        IpAddress mapped = IpAddress.parse("::ffff:10.0.0.1");
        assertEquals(6, mapped.version());
        assertTrue(mapped.toInetAddress() instanceof Inet6Address);
        assertEquals(4, IpAddress.parse("10.0.0.1").version());
    }

    @Test
    void randomAddressesRoundTripAndAgreeWithJavaNet() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[i % 3 == 0 ? 4 : 16];
            random.nextBytes(bytes);
            if (bytes.length == 16) {
                for (int w = 0; w < 8; w++) {
                    if (random.nextInt(3) == 0) {
                        bytes[2 * w] = 0;
                        bytes[2 * w + 1] = 0;
                    }
                }
            }
            IpAddress address = IpAddress.fromBytes(bytes);
            String text = address.toString();
            assertEquals(address, IpAddress.parse(text), text);
            assertEquals(address, IpAddress.parse(text.toUpperCase()), text);
            InetAddress viaJavaNet = InetAddress.getByName(text);
            byte[] javaBytes = viaJavaNet.getAddress();
            if (javaBytes.length == 4 && bytes.length == 16) {
                // java.net folds ::ffff:a.b.c.d into an Inet4Address; we keep it IPv6
                assertTrue(text.startsWith("::ffff:"), text);
                assertArrayEquals(Arrays.copyOfRange(bytes, 12, 16), javaBytes, text);
            } else {
                assertArrayEquals(bytes, javaBytes, text);
            }
            assertEquals(address, IpAddress.of(address.toInetAddress()));
        }
    }

    @Test
    void sharesPrefixAgreesWithBigIntegerShift() {
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) {
            int size = random.nextBoolean() ? 4 : 16;
            byte[] a = new byte[size];
            random.nextBytes(a);
            byte[] b = a.clone();
            // flip one random bit so that most pairs share a long prefix
            int flip = random.nextInt(size * 8);
            b[flip / 8] ^= (byte) (0x80 >>> (flip % 8));
            if (random.nextInt(4) == 0) {
                random.nextBytes(b);
            }
            int length = random.nextInt(size * 8 + 1);
            IpAddress x = IpAddress.fromBytes(a);
            IpAddress y = IpAddress.fromBytes(b);
            int shift = size * 8 - length;
            boolean expected = x.toBigInteger().shiftRight(shift).equals(y.toBigInteger().shiftRight(shift));
            assertEquals(expected, x.sharesPrefix(y, length), x + " " + y + "/" + length);
            assertEquals(expected, y.sharesPrefix(x, length));
            BigInteger mask = BigInteger.ONE.shiftLeft(size * 8).subtract(BigInteger.ONE)
                    .shiftRight(shift).shiftLeft(shift);
            assertEquals(x.toBigInteger().and(mask), x.masked(length).toBigInteger());
        }
    }

    @Test
    void familiesNeverShareAPrefix() {
        assertFalse(IpAddress.parse("0.0.0.0").sharesPrefix(IpAddress.parse("::"), 0));
    }
}

package io.accessplane.secgroup.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {

    /** input | str(netaddr.IPNetwork(input)) | str(IPNetwork(input).cidr). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.5 | 10.0.0.5/32 | 10.0.0.5/32",
        "10.0.0.5/24 | 10.0.0.5/24 | 10.0.0.0/24",
        "10.0.0.5/255.255.255.0 | 10.0.0.5/24 | 10.0.0.0/24",
        "10.0.0.5/0.0.0.255 | 10.0.0.5/24 | 10.0.0.0/24",
        "10.0.0.5/0.0.0.0 | 10.0.0.5/0 | 0.0.0.0/0",
        "10.0.0.5/255.255.255.255 | 10.0.0.5/32 | 10.0.0.5/32",
        "10.0.0.0/024 | 10.0.0.0/24 | 10.0.0.0/24",
        "10.0.0.0/+8 | 10.0.0.0/8 | 10.0.0.0/8",
        "10.0.0.0/1_6 | 10.0.0.0/16 | 10.0.0.0/16",
        "0.0.0.0/0 | 0.0.0.0/0 | 0.0.0.0/0",
        "192.168.1.255/23 | 192.168.1.255/23 | 192.168.0.0/23",
        "2001:DB8::1 | 2001:db8::1/128 | 2001:db8::1/128",
        "2001:0db8:0000:0000:0000:0000:0000:0001/64 | 2001:db8::1/64 | 2001:db8::/64",
        "2001:db8::1/ffff:ffff:: | 2001:db8::1/32 | 2001:db8::/32",
        "::ffff:10.0.0.1 | ::ffff:10.0.0.1/128 | ::ffff:10.0.0.1/128",
        "::ffff:10.0.0.1/120 | ::ffff:10.0.0.1/120 | ::ffff:10.0.0.0/120",
        "::/0 | ::/0 | ::/0",
        "fe80::1:2:3:4/10 | fe80::1:2:3:4/10 | fe80::/10",
    })
    void parsesAndPrintsLikeNetaddr(String input, String printed, String network) {
        IpPrefix prefix = IpPrefix.parse(input);
        assertEquals(printed, prefix.toString());
        assertEquals(network, prefix.network().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "::/129", "10.1/16", "10/8", "010.0.0.0/8",
        "10.0.0.0/255.0.255.0", "10.0.0.0/ffff::", "2001:db8::/255.255.0.0", "10.0.0.0/", "10.0.0.0/24/1",
        "10.0.0.0 /24", "foo", "", "fe80::1%eth0/64", "10.0.0.0/2__4"})
    void rejectsWhatNetaddrRejects(String text) {
        assertNull(IpPrefix.tryParse(text));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse(text));
    }

    @Test
    void containsAgreesWithBigIntegerComputation() {
        Random random = new Random(2024);
        for (int i = 0; i < 20000; i++) {
            int bits = random.nextBoolean() ? 32 : 128;
            IpAddress base = randomAddress(random, bits);
            int length = random.nextInt(bits + 1);
            IpAddress candidate = random.nextBoolean() ? randomAddress(random, bits) : nearby(random, base, bits);
            IpPrefix prefix = new IpPrefix(base, length);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(bits - length).shiftLeft(bits - length);
            boolean expected = base.toBigInteger().and(mask).equals(candidate.toBigInteger().and(mask));
            assertEquals(expected, prefix.contains(candidate), prefix + " ∋ " + candidate);
            assertEquals(expected, prefix.network().contains(candidate));
            assertEquals(prefix, IpPrefix.parse(prefix.toString()));
        }
    }

    @Test
    void aPrefixNeverContainsTheOtherFamily() {
        assertEquals(false, IpPrefix.parse("0.0.0.0/0").contains(IpAddress.parse("::ffff:1.2.3.4")));
        assertEquals(false, IpPrefix.parse("::/0").contains(IpAddress.parse("1.2.3.4")));
        assertEquals(false, IpPrefix.parse("::/0").contains(null));
    }

    static IpAddress randomAddress(Random random, int bits) {
        byte[] bytes = new byte[bits / 8];
        random.nextBytes(bytes);
        return IpAddress.fromBytes(bytes);
    }

    /** The base address with its low bits re-randomised, so it shares a long prefix. */
    static IpAddress nearby(Random random, IpAddress base, int bits) {
        int keep = random.nextInt(bits + 1);
        BigInteger lowMask = BigInteger.ONE.shiftLeft(bits - keep).subtract(BigInteger.ONE);
        BigInteger value = base.toBigInteger().andNot(lowMask).or(new BigInteger(bits, random).and(lowMask));
        byte[] raw = value.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return IpAddress.fromBytes(out);
    }
}

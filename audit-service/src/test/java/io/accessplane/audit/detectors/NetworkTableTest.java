package io.accessplane.audit.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link NetworkTable} longest-prefix match, {@link Cidr} and {@link AddressSet}. */
class NetworkTableTest {
    private static final NetworkTable TABLE = NetworkTable.parse("""
            # cidr, asn, country[, lat, lon]
            10.0.0.0/8, 1, NL
            10.1.0.0/16, AS2, de
            10.1.2.0/24, 3, FR, 48.85, 2.35
            2001:db8::/32 10 US
            2001:db8:1::/48 11 CA 45.42 -75.69
            """);

    private static long asn(String address) {
        return TABLE.lookup(address).map(NetworkEntry::asn).orElse(-1L);
    }

    @Test
    void mostSpecificIpv4PrefixWins() {
        assertEquals(3, asn("10.1.2.3"));
        assertEquals(2, asn("10.1.9.9"));
        assertEquals(1, asn("10.9.9.9"));
        assertEquals(-1, asn("11.0.0.1"));
        assertEquals("DE", TABLE.lookup("10.1.9.9").orElseThrow().country());
        NetworkEntry paris = TABLE.lookup("10.1.2.200").orElseThrow();
        assertTrue(paris.hasLocation());
        assertEquals(48.85, paris.latitude());
    }

    @Test
    void mostSpecificIpv6PrefixWinsAndFamiliesDoNotMix() {
        assertEquals(11, asn("2001:db8:1::42"));
        assertEquals(10, asn("2001:db8:ffff::1"));
        assertEquals(10, asn("[2001:DB8::1]"));
        assertEquals(-1, asn("2001:db9::1"));
        assertEquals(3, asn("::ffff:10.1.2.3"), "an IPv4-mapped address is the IPv4 address");
    }

    @Test
    void defaultRouteMatchesEverythingOfItsFamily() {
        NetworkTable t = NetworkTable.of(List.of(new NetworkEntry("0.0.0.0/0", 7, "ZZ")));
        assertEquals(7, t.lookup("8.8.8.8").orElseThrow().asn());
        assertEquals(Optional.empty(), t.lookup("::1"));
    }

    @Test
    void hostNamesAndGarbageAreNotAddresses() {
        assertEquals(Optional.empty(), TABLE.lookup("localhost"));
        assertEquals(Optional.empty(), TABLE.lookup("example.com"));
        assertEquals(Optional.empty(), TABLE.lookup("10.1.2.256"));
        assertEquals(Optional.empty(), TABLE.lookup(null));
        assertEquals(Optional.empty(), TABLE.lookup(""));
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkTable.parse("10.0.0.0/8,1,NL\n10.0.0.0/33,2,NL\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkTable.parse("10.0.0.0/8,one,NL"));
        assertThrows(IllegalArgumentException.class, () -> NetworkTable.parse("10.0.0.0/8,1,NL,52.0"));
    }

    @Test
    void cidrClearsHostBitsAndKnowsTheWorld() {
        assertEquals("0.0.0.0/0", Cidr.parse("1.2.3.4/0").orElseThrow().toString());
        assertTrue(Cidr.parse("0.0.0.0/0").orElseThrow().isWorld());
        assertTrue(Cidr.parse("::/0").orElseThrow().isWorld());
        assertFalse(Cidr.parse("0.0.0.0/1").orElseThrow().isWorld());
        assertEquals("10.1.0.0/16", Cidr.parse("10.1.200.3/16").orElseThrow().toString());
        assertEquals(32, Cidr.parse("10.1.2.3").orElseThrow().length());
        assertTrue(Cidr.parse("10.0.0.0/x").isEmpty());
        assertTrue(Cidr.parse("::/129").isEmpty());
    }

    @Test
    void addressSetMatchesAddressesAndPrefixes() {
        AddressSet set = new AddressSet(Set.of("185.220.101.0/24", "198.51.100.23", "2a0b:f4c2::/32", "not-an-ip"));
        assertEquals(Optional.of("185.220.101.0/24"), set.match("185.220.101.77"));
        assertEquals(Optional.of("198.51.100.23"), set.match("198.51.100.23"));
        assertEquals(Optional.empty(), set.match("198.51.100.24"));
        assertEquals(Optional.of("2a0b:f4c2::/32"), set.match("2a0b:f4c2:1::9"));
    }
}

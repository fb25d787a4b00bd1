package io.accessplane.keypair.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Negotiation of compute microversions from both of Nova's headers. */
class MicroversionTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, null, 2.1",
        "compute 2.10, null, 2.10",
        "compute 2.10, 2.35, 2.10",
        "null, 2.35, 2.35",
        "COMPUTE 2.2, null, 2.2",
        "compute latest, null, 2.104",
        "null, latest, 2.104",
        "compute 2.104, null, 2.104",
        "network 2.50, null, 2.1",
    })
    void negotiates(String standard, String legacy, String expected) {
        assertEquals(expected, Microversion.negotiate(standard, legacy).toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "compute 2.x, null, 400",
        "compute, null, 400",
        "compute 2.1 extra, null, 400",
        "null, two, 400",
        "null, 2., 400",
        "compute 3.0, null, 406",
        "compute 2.0, null, 406",
        "compute 2.105, null, 406",
        "null, 1.1, 406",
    })
    void refuses(String standard, String legacy, int status) {
        Microversion.Unacceptable e = assertThrows(Microversion.Unacceptable.class,
                () -> Microversion.negotiate(standard, legacy));
        assertEquals(status, e.status());
    }

    @Test
    void orderingAndThresholds() {
        Microversion v = Microversion.negotiate("compute 2.35", null);
        assertTrue(v.atLeast(35));
        assertTrue(v.atLeast(10));
        assertTrue(!v.atLeast(75));
        assertTrue(Microversion.MIN.compareTo(Microversion.MAX) < 0);
    }
}

package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chain link function and its hex helpers. */
class HashChainTest {

    @Test
    void genesisIs32ZeroBytesAndCannotBeChangedForOthers() {
        byte[] genesis = HashChain.genesis();
        assertArrayEquals(new byte[32], genesis);
        genesis[0] = 1;
        assertArrayEquals(new byte[32], HashChain.genesis());
        assertNotSame(HashChain.genesis(), HashChain.genesis());
        assertEquals("0".repeat(64), HashChain.GENESIS_HEX);
    }

    /** Known answer: SHA-256 of 32 zero bytes, i.e. an empty event linked to genesis. */
    @Test
    void knownAnswer() {
        assertEquals("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
                HashChain.toHex(HashChain.link(new byte[0], HashChain.genesis())));
    }

    @Test
    void linkIsSha256OfEventThenPreviousHash() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] event = new byte[random.nextInt(300)];
            random.nextBytes(event);
            byte[] previous = new byte[32];
            random.nextBytes(previous);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] concatenated = new byte[event.length + 32];
            System.arraycopy(event, 0, concatenated, 0, event.length);
            System.arraycopy(previous, 0, concatenated, event.length, 32);
            assertArrayEquals(sha256.digest(concatenated), HashChain.link(event, previous));
            assertEquals(HashChain.toHex(HashChain.link(event, previous)),
                    HashChain.linkHex(event, HashChain.toHex(previous)));
        }
    }

    @Test
    void orderOfTheTwoPartsMatters() {
        byte[] event = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] previous = HashChain.link(event, HashChain.genesis());
        assertFalse(HashChain.toHex(HashChain.link(event, previous))
                .equals(HashChain.toHex(HashChain.sha256(concat(previous, event)))));
    }

    @Test
    void previousHashMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> HashChain.link(new byte[1], new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> HashChain.link(new byte[1], new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> HashChain.linkHex(new byte[1], "abcd"));
    }

    @Test
    void hexIsLowerCaseAndRoundTrips() {
        byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff, 0x7f};
        assertEquals("0001abff7f", HashChain.toHex(bytes));
        assertArrayEquals(bytes, HashChain.fromHex("0001abff7f"));
        assertArrayEquals(bytes, HashChain.fromHex("0001ABFF7F"));
        assertThrows(IllegalArgumentException.class, () -> HashChain.fromHex("abc"));
        assertThrows(IllegalArgumentException.class, () -> HashChain.fromHex("zz"));
    }

    @Test
    void hashHexShape() {
        assertTrue(HashChain.isHashHex(HashChain.GENESIS_HEX));
        assertTrue(HashChain.isHashHex("0123456789abcdef".repeat(4)));
        assertFalse(HashChain.isHashHex("0123456789ABCDEF".repeat(4)));
        assertFalse(HashChain.isHashHex("0".repeat(63)));
        assertFalse(HashChain.isHashHex("0".repeat(65)));
        assertFalse(HashChain.isHashHex("g".repeat(64)));
        assertFalse(HashChain.isHashHex(null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

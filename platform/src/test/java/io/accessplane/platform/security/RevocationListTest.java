package io.accessplane.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Revocation.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Keystone-style revocation semantics of the list every service checks. */
class RevocationListTest {

    final Instant t0 = Instant.parse("2026-11-22T10:00:00.500Z");

    @Test
    void tokenRevokedByAuditIdWhateverItsAge() {
        RevocationList list = new RevocationList();
        list.add(new Revocation(Kind.TOKEN, "a1", t0));
        assertTrue(list.isRevoked("a1", "u", null, t0.minusSeconds(10)));
        assertTrue(list.isRevoked("a1", "u", null, t0.plusSeconds(10)));
        assertFalse(list.isRevoked("a2", "u", null, t0));
    }

    @Test
    void userRevocationCoversTokensIssuedUpToItsSecond() {
        RevocationList list = new RevocationList();
        list.add(new Revocation(Kind.USER, "u", t0));
        assertTrue(list.isRevoked("x", "u", null, t0.minusSeconds(60)));
        assertTrue(list.isRevoked("x", "u", null, Instant.parse("2026-11-22T10:00:00Z")), "same second as iat");
        assertFalse(list.isRevoked("x", "u", null, t0.plusSeconds(1)), "token issued after re-enable");
        assertFalse(list.isRevoked("x", "other", null, t0.minusSeconds(60)));
        assertTrue(list.isRevoked("x", "u", null, null), "a token without iat is refused");
    }

    @Test
    void applicationCredentialRevocation() {
        RevocationList list = new RevocationList();
        list.add(new Revocation(Kind.APPLICATION_CREDENTIAL, "ac", t0));
        assertTrue(list.isRevoked("x", "u", "ac", t0.minusSeconds(5)));
        assertFalse(list.isRevoked("x", "u", null, t0.minusSeconds(5)), "password tokens of the user unaffected");
        assertFalse(list.isRevoked("x", "u", "ac2", t0.minusSeconds(5)));
    }

    @Test
    void laterRevocationWinsAndOldOnesAreForgotten() {
        RevocationList list = new RevocationList();
        list.add(new Revocation(Kind.USER, "u", t0.plusSeconds(100)));
        list.add(new Revocation(Kind.USER, "u", t0));
        assertTrue(list.isRevoked("x", "u", null, t0.plusSeconds(50)));
        list.add(new Revocation(Kind.TOKEN, "old", t0.minusSeconds(3600 * 30)));
        assertEquals(2, list.size());
        list.forgetBefore(t0.minusSeconds(3600 * 25));
        assertEquals(1, list.size());
    }
}

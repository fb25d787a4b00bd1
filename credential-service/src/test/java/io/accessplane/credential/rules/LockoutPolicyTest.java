package io.accessplane.credential.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Keystone's lockout: N consecutive failures lock for a duration from the last failure. */
class LockoutPolicyTest {

    final LockoutPolicy policy = new LockoutPolicy(6, Duration.ofMinutes(30));
    final Instant t = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void locksAtTheNthFailureUntilTheWindowEnds() {
        assertFalse(policy.isLocked(5, t, t));
        assertTrue(policy.isLocked(6, t, t));
        assertTrue(policy.isLocked(6, t, t.plus(Duration.ofMinutes(29))));
        assertFalse(policy.isLocked(6, t, t.plus(Duration.ofMinutes(30))));
        assertFalse(policy.isLocked(6, null, t));
    }

    @Test
    void countingStartsAnewAfterTheWindow() {
        assertEquals(3, policy.countAfterFailure(2, t, t.plusSeconds(1)));
        assertEquals(1, policy.countAfterFailure(6, t, t.plus(Duration.ofMinutes(31))));
        assertEquals(1, policy.countAfterFailure(0, null, t));
    }

    @Test
    void zeroAttemptsDisablesLockout() {
        LockoutPolicy off = new LockoutPolicy(0, Duration.ofMinutes(30));
        assertFalse(off.isLocked(100, t, t));
    }
}

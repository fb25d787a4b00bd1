package io.accessplane.keypair.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.keypair.rules.KeypairPolicy.Action;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role × action × own/other for key pairs. */
class KeypairPolicyTest {

    static Caller caller(String role) {
        return new Caller("me", "me", "p", "p", Roles.withImplied(Set.of(role)), null, false, "a", null, null, null,
                null, "r");
    }

    @Test
    void table() {
        for (String role : List.of("reader", "member", "admin")) {
            for (Action a : Action.values()) {
                boolean writes = a == Action.CREATE || a == Action.DELETE;
                boolean own = !writes || !role.equals("reader");
                assertEquals(own, KeypairPolicy.allows(caller(role), a, "me"), role + " " + a + " own");
                assertEquals(own, KeypairPolicy.allows(caller(role), a, null), role + " " + a + " implicit own");
                assertEquals(role.equals("admin"), KeypairPolicy.allows(caller(role), a, "other"), role + " " + a + " other");
            }
        }
    }
}

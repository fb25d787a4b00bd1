package io.accessplane.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Role implication: admin implies member implies reader. */
class RolesTest {

    @Test
    void impliedRoles() {
        assertEquals(List.of("admin", "member", "reader"), List.copyOf(Roles.withImplied(Set.of("admin"))));
        assertEquals(List.of("member", "reader"), List.copyOf(Roles.withImplied(Set.of("member"))));
        assertEquals(List.of("reader"), List.copyOf(Roles.withImplied(Set.of("reader"))));
        assertEquals(List.of(), List.copyOf(Roles.withImplied(Set.of())));
        assertEquals(List.of("member", "reader", "custom"), List.copyOf(Roles.withImplied(List.of("custom", "member"))));
    }
}

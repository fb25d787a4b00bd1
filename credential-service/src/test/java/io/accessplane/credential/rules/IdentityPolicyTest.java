package io.accessplane.credential.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.Roles;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy table, decision by decision, without HTTP. */
class IdentityPolicyTest {

    static Caller caller(String role) {
        return new Caller("me", "me", "proj", "proj", Roles.withImplied(Set.of(role)), null, false, "a", null, null,
                null, null, "req");
    }

    static final Set<Action> ADMIN_ONLY = EnumSet.of(Action.LIST_USERS, Action.CREATE_USER, Action.UPDATE_USER,
            Action.DELETE_USER, Action.LIST_PROJECTS, Action.CREATE_PROJECT, Action.DELETE_PROJECT,
            Action.MANAGE_GRANTS, Action.CHECK_GRANT, Action.LIST_ROLE_ASSIGNMENTS);

    @Test
    void adminOnlyActions() {
        for (Action a : ADMIN_ONLY) {
            for (String role : List.of("reader", "member", "admin")) {
                assertEquals("admin".equals(role), IdentityPolicy.allows(caller(role), a, "me", "proj"), a + " " + role);
            }
        }
    }

    @Test
    void ownCredentialsByRole() {
        assertEquals(false, IdentityPolicy.allows(caller("reader"), Action.CREATE_APPLICATION_CREDENTIAL, "me", null));
        assertEquals(true, IdentityPolicy.allows(caller("member"), Action.CREATE_APPLICATION_CREDENTIAL, "me", null));
        assertEquals(true, IdentityPolicy.allows(caller("reader"), Action.LIST_APPLICATION_CREDENTIALS, "me", null));
        assertEquals(false, IdentityPolicy.allows(caller("reader"), Action.DELETE_APPLICATION_CREDENTIAL, "me", null));
        assertEquals(true, IdentityPolicy.allows(caller("member"), Action.DELETE_APPLICATION_CREDENTIAL, "me", null));
    }

    @Test
    void nobodyCreatesForSomeoneElseAndOnlyAdminsInspectOthers() {
        for (String role : List.of("reader", "member", "admin")) {
            assertEquals(false, IdentityPolicy.allows(caller(role), Action.CREATE_APPLICATION_CREDENTIAL, "other", null));
            boolean admin = "admin".equals(role);
            assertEquals(admin, IdentityPolicy.allows(caller(role), Action.LIST_APPLICATION_CREDENTIALS, "other", null));
            assertEquals(admin, IdentityPolicy.allows(caller(role), Action.GET_APPLICATION_CREDENTIAL, "other", null));
            assertEquals(admin, IdentityPolicy.allows(caller(role), Action.DELETE_APPLICATION_CREDENTIAL, "other", null));
            assertEquals(admin, IdentityPolicy.allows(caller(role), Action.GET_USER, "other", null));
            assertEquals(true, IdentityPolicy.allows(caller(role), Action.GET_USER, "me", null));
            assertEquals(admin, IdentityPolicy.allows(caller(role), Action.GET_PROJECT, null, "elsewhere"));
            assertEquals(true, IdentityPolicy.allows(caller(role), Action.GET_PROJECT, null, "proj"));
        }
    }

    @Test
    void aTokenWithoutRolesMayDoNothingButSeeItself() {
        Caller none = new Caller("me", "me", null, null, Set.of(), null, false, "a", null, null, null, null, "r");
        for (Action a : Action.values()) {
            boolean expected = a == Action.GET_USER || a == Action.CHANGE_PASSWORD || a == Action.LIST_USER_PROJECTS
                    || a == Action.VALIDATE_TOKEN || a == Action.REVOKE_TOKEN;
            assertEquals(expected, IdentityPolicy.allows(none, a, "me", null), a.name());
        }
    }
}

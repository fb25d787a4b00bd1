package io.accessplane.keypair.rules;

import io.accessplane.platform.security.Caller;

/**
 * Nova's key pair policy with the reader/member/admin roles: key pairs belong to a user; readers
 * may list and show their own, members may also create and delete them, admins may name any user.
 */
public final class KeypairPolicy {

    /** What is being done. */
    public enum Action {
        INDEX("os_compute_api:os-keypairs:index", false),
        SHOW("os_compute_api:os-keypairs:show", false),
        CREATE("os_compute_api:os-keypairs:create", true),
        DELETE("os_compute_api:os-keypairs:delete", true);

        private final String rule;
        private final boolean writes;

        Action(String rule, boolean writes) {
            this.rule = rule;
            this.writes = writes;
        }

        /** Nova's policy rule name. */
        public String rule() {
            return rule;
        }
    }

    private KeypairPolicy() {
    }

    /** Whether the caller may perform the action on the key pairs of {@code ownerUserId}. */
    public static boolean allows(Caller caller, Action action, String ownerUserId) {
        if (caller.isAdmin()) {
            return true;
        }
        boolean own = ownerUserId == null || ownerUserId.equals(caller.userId());
        return own && caller.hasRole(action.writes ? "member" : "reader");
    }
}

package io.accessplane.audit.service;

import io.accessplane.audit.rest.AuditException;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.Roles;

/**
 * Who may read and change what in the audit service: administrators see every project; any role
 * in a project sees that project's events, alerts and inventory; members and administrators may
 * acknowledge and resolve that project's alerts; nobody sees another project's.
 */
public final class AuditAccess {

    private AuditAccess() {
    }

    /** The project a non-admin caller is scoped to; 403 for a token scoped to none. */
    public static String ownProject(Caller caller) {
        if (caller.projectId() == null || caller.roles().isEmpty()) {
            throw AuditException.forbidden();
        }
        return caller.projectId();
    }

    /**
     * The project a query may read: what an admin asked (null = every project), the caller's own
     * project for anyone else, and 403 when someone else asks for another project.
     */
    public static String readableProject(Caller caller, String asked) {
        if (caller.isAdmin()) {
            return asked;
        }
        String own = ownProject(caller);
        if (asked != null && !asked.equals(own)) {
            throw AuditException.forbidden();
        }
        return own;
    }

    /** Whether the caller may read something of the project. */
    public static boolean mayRead(Caller caller, String projectId) {
        return caller.isAdmin() || (caller.projectId() != null && caller.projectId().equals(projectId)
                && !caller.roles().isEmpty());
    }

    /** Whether the caller may change the state of the project's alerts. */
    public static boolean mayTriage(Caller caller, String projectId) {
        return caller.isAdmin() || (caller.hasRole(Roles.MEMBER) && caller.projectId() != null
                && caller.projectId().equals(projectId));
    }

    /** Throws 403 unless the caller is an administrator. */
    public static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw AuditException.forbidden();
        }
    }
}

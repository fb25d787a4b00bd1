package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;

/**
 * Neutron's security group policy with the reader/member/admin roles: project-scoped; readers
 * list and show, members also create, change and delete in their own project, admins act in any
 * project. Another project's resources are invisible (404), as in Neutron.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Whether the caller can see resources of {@code projectId} at all. */
    public static boolean sees(Caller caller, String projectId) {
        return caller.isAdmin() || (projectId != null && projectId.equals(caller.projectId())
                && caller.hasRole("reader"));
    }

    /** Whether the caller may create, change or delete resources of {@code projectId}. */
    public static boolean writes(Caller caller, String projectId) {
        return caller.isAdmin() || (projectId != null && projectId.equals(caller.projectId())
                && caller.hasRole("member"));
    }
}

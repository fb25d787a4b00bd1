package io.accessplane.credential.rules;

import io.accessplane.platform.security.Caller;

/**
 * Who may do what on the identity API, after Keystone's default policies with the
 * reader &lt; member &lt; admin hierarchy. Pure decisions, no I/O: the services ask, the
 * resources never decide.
 */
public final class IdentityPolicy {

    /** Actions guarded by the policy, named as Keystone's policy rules. */
    public enum Action {
        LIST_USERS("identity:list_users"),
        GET_USER("identity:get_user"),
        CREATE_USER("identity:create_user"),
        UPDATE_USER("identity:update_user"),
        DELETE_USER("identity:delete_user"),
        CHANGE_PASSWORD("identity:change_password"),
        LIST_PROJECTS("identity:list_projects"),
        GET_PROJECT("identity:get_project"),
        CREATE_PROJECT("identity:create_project"),
        DELETE_PROJECT("identity:delete_project"),
        LIST_USER_PROJECTS("identity:list_user_projects"),
        LIST_ROLES("identity:list_roles"),
        MANAGE_GRANTS("identity:create_grant"),
        CHECK_GRANT("identity:check_grant"),
        LIST_ROLE_ASSIGNMENTS("identity:list_role_assignments"),
        GET_APPLICATION_CREDENTIAL("identity:get_application_credential"),
        LIST_APPLICATION_CREDENTIALS("identity:list_application_credentials"),
        CREATE_APPLICATION_CREDENTIAL("identity:create_application_credential"),
        DELETE_APPLICATION_CREDENTIAL("identity:delete_application_credential"),
        GET_ACCESS_RULE("identity:get_access_rule"),
        LIST_ACCESS_RULES("identity:list_access_rules"),
        DELETE_ACCESS_RULE("identity:delete_access_rule"),
        VALIDATE_TOKEN("identity:validate_token"),
        REVOKE_TOKEN("identity:revoke_token");

        private final String rule;

        Action(String rule) {
            this.rule = rule;
        }

        /** Keystone's name for the rule, used in 403 messages. */
        public String rule() {
            return rule;
        }
    }

    private IdentityPolicy() {
    }

    /**
     * Whether the caller may perform the action.
     *
     * @param targetUserId the user the action is about (owner of a credential, user shown), or null
     * @param targetProjectId the project the action is about, or null
     */
    public static boolean allows(Caller caller, Action action, String targetUserId, String targetProjectId) {
        boolean admin = caller.isAdmin();
        boolean self = targetUserId != null && targetUserId.equals(caller.userId());
        boolean reader = caller.hasRole("reader");
        boolean member = caller.hasRole("member");
        return switch (action) {
            case LIST_USERS, CREATE_USER, UPDATE_USER, DELETE_USER, LIST_PROJECTS, CREATE_PROJECT, DELETE_PROJECT,
                    MANAGE_GRANTS, CHECK_GRANT, LIST_ROLE_ASSIGNMENTS -> admin;
            case GET_USER, LIST_USER_PROJECTS, CHANGE_PASSWORD -> admin || self;
            case GET_PROJECT -> admin || (targetProjectId != null && targetProjectId.equals(caller.projectId()));
            case LIST_ROLES -> admin || reader;
            // a user never sees another user's credentials; admins may inspect and remove them, never create
            case GET_APPLICATION_CREDENTIAL, LIST_APPLICATION_CREDENTIALS, GET_ACCESS_RULE, LIST_ACCESS_RULES ->
                    admin || (self && reader);
            case DELETE_APPLICATION_CREDENTIAL, DELETE_ACCESS_RULE -> admin || (self && member);
            case CREATE_APPLICATION_CREDENTIAL -> self && member;
            case VALIDATE_TOKEN, REVOKE_TOKEN -> admin || self;
        };
    }
}

package io.accessplane.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The role names and their implications: {@code admin} implies {@code member} implies {@code reader}. */
public final class Roles {
    /** Full control, across projects. */
    public static final String ADMIN = "admin";
    /** May create and change resources of its own project. */
    public static final String MEMBER = "member";
    /** May read resources of its own project. */
    public static final String READER = "reader";
    /** All roles, strongest first. */
    public static final List<String> ALL = List.of(ADMIN, MEMBER, READER);

    private Roles() {
    }

    /** The given roles plus every role they imply, strongest first, unknown names kept at the end. */
    public static Set<String> withImplied(Collection<String> roles) {
        Set<String> out = new LinkedHashSet<>();
        boolean implied = false;
        for (String role : ALL) {
            implied |= roles.contains(role);
            if (implied) {
                out.add(role);
            }
        }
        out.addAll(roles);
        return out;
    }
}

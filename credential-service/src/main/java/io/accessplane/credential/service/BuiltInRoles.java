package io.accessplane.credential.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The built-in roles with the ids the schema migration gives them; admin implies member implies reader. */
public final class BuiltInRoles {

    /** A role's id and name. */
    public record RoleRef(@JsonProperty("id") String id, @JsonProperty("name") String name) {
    }

    /** admin */
    public static final RoleRef ADMIN = new RoleRef("8fb6f1c0d7f04d3b9e3d9a51c4c1a001", "admin");
    /** member */
    public static final RoleRef MEMBER = new RoleRef("8fb6f1c0d7f04d3b9e3d9a51c4c1a002", "member");
    /** reader */
    public static final RoleRef READER = new RoleRef("8fb6f1c0d7f04d3b9e3d9a51c4c1a003", "reader");
    /** Strongest first. */
    public static final List<RoleRef> ALL = List.of(ADMIN, MEMBER, READER);

    private BuiltInRoles() {
    }

    /** The role with this id or name. */
    public static Optional<RoleRef> find(String idOrName) {
        return ALL.stream().filter(r -> r.id().equals(idOrName) || r.name().equals(idOrName)).findFirst();
    }

    /** The given role ids plus every role they imply, strongest first. */
    public static List<RoleRef> withImplied(Collection<String> roleIds) {
        List<RoleRef> out = new ArrayList<>();
        boolean on = false;
        for (RoleRef r : ALL) {
            on |= roleIds.contains(r.id());
            if (on) {
                out.add(r);
            }
        }
        return out;
    }

    /** The strongest of the given role ids and everything it implies. */
    public static List<String> ids(List<RoleRef> roles) {
        return roles.stream().map(RoleRef::id).toList();
    }
}

package io.accessplane.credential.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A role a user holds on a project. */
@Entity
@Table(name = "role_assignment")
public class RoleAssignment {

    /** The assignment's identity: user, project, role. */
    @Embeddable
    public record Key(@Column(name = "user_id") String userId, @Column(name = "project_id") String projectId,
            @Column(name = "role_id") String roleId) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public RoleAssignment() {
    }

    public RoleAssignment(Key key) {
        this.key = key;
    }
}

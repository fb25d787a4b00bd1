package io.accessplane.secgroup.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A project's own limit for one resource, overriding the configured default. */
@Entity
@Table(name = "quota")
public class QuotaLimit {

    /** Project and resource. */
    @Embeddable
    public record Key(@Column(name = "project_id") String projectId, @Column(name = "resource") String resource)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "hard_limit")
    public int hardLimit;
}

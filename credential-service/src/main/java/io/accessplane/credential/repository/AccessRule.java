package io.accessplane.credential.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An access rule limiting an application credential to a service, path and method. */
@Entity
@Table(name = "access_rule")
public class AccessRule {
    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    public String service;
    public String path;
    public String method;
}

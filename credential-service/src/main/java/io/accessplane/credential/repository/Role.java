package io.accessplane.credential.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the built-in roles: admin, member, reader. */
@Entity
@Table(name = "role")
public class Role {
    @Id
    public String id;
    public String name;
    public String description;
    public String implies;
}

package io.accessplane.platform.sample;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A stand-in resource whose changes the platform tests describe with events. */
@Entity
@Table(name = "widget")
public class Widget extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
}

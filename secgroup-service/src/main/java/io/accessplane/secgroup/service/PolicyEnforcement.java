package io.accessplane.secgroup.service;

import io.accessplane.platform.security.Caller;
import io.accessplane.secgroup.messaging.SecgroupEvents;
import io.accessplane.secgroup.rest.NeutronException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets an allowed call through, or records the refusal (in a transaction of its own) and fails with Neutron's 403. */
@ApplicationScoped
public class PolicyEnforcement {

    private final SecgroupEvents events;

    public PolicyEnforcement(SecgroupEvents events) {
        this.events = events;
    }

    /** Nothing when {@code allowed}; else a recorded denial of {@code rule} on the resource and a 403. */
    public Uni<Void> require(boolean allowed, Caller caller, String rule, String resource, String id, String projectId) {
        if (allowed) {
            return Uni.createFrom().voidItem();
        }
        return events.denied(caller, rule, resource, id, projectId)
                .chain(() -> Uni.createFrom().failure(NeutronException.policy(rule)));
    }
}

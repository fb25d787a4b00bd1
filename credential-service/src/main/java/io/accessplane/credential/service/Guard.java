package io.accessplane.credential.service;

import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rules.IdentityPolicy;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies the identity policy: a refusal is answered with 403 and recorded as an event. */
@ApplicationScoped
public class Guard {

    private final IdentityEvents events;

    public Guard(IdentityEvents events) {
        this.events = events;
    }

    /** Succeeds when allowed; else records the denial and fails with Keystone's 403. */
    public Uni<Void> check(Caller caller, Action action, String targetType, String targetUserId,
            String targetProjectId) {
        if (IdentityPolicy.allows(caller, action, targetUserId, targetProjectId)) {
            return Uni.createFrom().voidItem();
        }
        return deny(caller, action, targetType, targetUserId != null ? targetUserId : targetProjectId,
                targetProjectId, targetUserId);
    }

    /** Records a denial (in a transaction of its own) and fails with 403. */
    public Uni<Void> deny(Caller caller, Action action, String targetType, String targetId, String project,
            String owner) {
        return events.denied(caller.toInitiator(), new Target(targetType, targetId == null ? "-" : targetId, null,
                        project, owner), action.rule())
                .chain(() -> Uni.createFrom().failure(KeystoneException.forbiddenAction(action.rule())));
    }
}

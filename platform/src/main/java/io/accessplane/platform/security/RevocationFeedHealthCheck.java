package io.accessplane.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the revocation feed has caught up, so no revoked token is accepted after a start. */
@Readiness
@ApplicationScoped
public class RevocationFeedHealthCheck implements HealthCheck {

    private final RevocationFeed feed;
    private final RevocationList list;

    public RevocationFeedHealthCheck(RevocationFeed feed, RevocationList list) {
        this.feed = feed;
        this.list = list;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-feed")
                .status(feed.isRunning() && feed.isCaughtUp())
                .withData("caught_up", feed.isCaughtUp())
                .withData("revocations", list.size())
                .build();
    }
}

package io.accessplane.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Carried by credential events that invalidate tokens: every service's revocation list
 * refuses tokens matching {@code kind}/{@code id} that were issued at or before {@code revokedAt}.
 */
public record Revocation(
        @JsonProperty("kind") Kind kind,
        @JsonProperty("id") String id,
        @JsonProperty("revoked_at") Instant revokedAt) {

    /** Which token claim a revocation matches. */
    public enum Kind {
        /** A single token, by its audit id. */
        @JsonProperty("token") TOKEN,
        /** Every token minted from an application credential, by credential id. */
        @JsonProperty("application_credential") APPLICATION_CREDENTIAL,
        /** Every token of a user, by user id. */
        @JsonProperty("user") USER
    }
}

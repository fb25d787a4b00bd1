package io.accessplane.credential.service;

import io.accessplane.credential.crypto.PasswordHasher;
import io.accessplane.credential.crypto.VerifiedSecretCache;
import io.accessplane.credential.messaging.IdentityEvents;
import io.accessplane.credential.repository.RevokedToken;
import io.accessplane.credential.repository.RevokedTokenRepository;
import io.accessplane.credential.rest.KeystoneException;
import io.accessplane.credential.rules.IdentityPolicy;
import io.accessplane.credential.rules.IdentityPolicy.Action;
import io.accessplane.platform.events.Revocation;
import io.accessplane.platform.events.Target;
import io.accessplane.platform.security.Caller;
import io.accessplane.platform.security.RevocationList;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issues, validates and revokes tokens. Slow hash checks run on worker threads; everything that
 * touches the database runs in short transactions around them.
 */
@ApplicationScoped
public class TokenService {

    private static final String GENERIC_401 = "The request you have made requires authentication.";

    private final AuthStore store;
    private final PasswordHasher hasher;
    private final VerifiedSecretCache verifiedSecrets;
    private final TokenCodec codec;
    private final RevocationList revocations;
    private final RevokedTokenRepository revokedTokens;
    private final IdentityEvents events;
    private final Vertx vertx;
    private final AuthMeters meters;
    /** A valid hash of a random string, to spend the same time on unknown users as on known ones. */
    private final String dummyHash;

    public TokenService(AuthStore store, PasswordHasher hasher, VerifiedSecretCache verifiedSecrets,
            TokenCodec codec, RevocationList revocations, RevokedTokenRepository revokedTokens,
            IdentityEvents events, Vertx vertx, AuthMeters meters) {
        this.store = store;
        this.hasher = hasher;
        this.verifiedSecrets = verifiedSecrets;
        this.codec = codec;
        this.revocations = revocations;
        this.revokedTokens = revokedTokens;
        this.events = events;
        this.vertx = vertx;
        this.meters = meters;
        this.dummyHash = hasher.hash(io.accessplane.credential.crypto.SecretGenerator.newSecret());
    }

    /** Authenticates and issues a token, or fails with Keystone's 401. */
    public Uni<IssuedToken> issue(AuthRequest request, Origin origin) {
        Uni<IssuedToken> issued = switch (request.method()) {
            case PASSWORD -> password(request, origin);
            case APPLICATION_CREDENTIAL -> applicationCredential(request, origin);
        };
        return issued.invoke(token -> meters.issued(request.method()));
    }

    private Uni<IssuedToken> password(AuthRequest request, Origin origin) {
        return store.findUser(request.user()).chain(user -> {
            if (user == null) {
                // hash anyway so an unknown name costs as much as a wrong password
                return slow(() -> hasher.verify(request.password(), dummyHash))
                        .chain(x -> refuse(request,
                                AuthOutcome.refused("unknown_user", GENERIC_401, null, null), origin));
            }
            if (!user.enabled) {
                return refuse(request, AuthOutcome.refused("disabled_user",
                        "The account is disabled for user: " + user.id + ".", user.id, null), origin);
            }
            if (store.isLocked(user, Instant.now())) {
                return refuse(request, AuthOutcome.refused("locked_out",
                        "The account is locked for user: " + user.id + ".", user.id, null), origin);
            }
            String userId = user.id;
            String hash = user.passwordHash;
            return slow(() -> hash != null && hasher.verify(request.password(), hash)).chain(ok -> {
                if (!ok) {
                    meters.refused(request.method(), "bad_password");
                    return store.passwordFailed(userId, origin)
                            .chain(() -> Uni.createFrom().<IssuedToken>failure(KeystoneException.unauthorized(GENERIC_401)));
                }
                return store.passwordSucceeded(userId, request.scope(), origin).chain(o -> settle(request, o, origin));
            });
        });
    }

    private Uni<IssuedToken> applicationCredential(AuthRequest request, Origin origin) {
        return store.findCredential(request).chain(cred -> {
            String badCredential = "Invalid application credential ID or secret";
            if (cred == null) {
                return refuse(request, AuthOutcome.refused("unknown_id", badCredential, null,
                        request.credentialId()), origin);
            }
            Instant now = Instant.now();
            if (cred.expiredAt(now)) {
                return refuse(request, AuthOutcome.refused("expired", badCredential, cred.userId, cred.id), origin);
            }
            String id = cred.id;
            String hash = cred.secretHash;
            Uni<Boolean> verified = verifiedSecrets.matches(id, request.secret(), now)
                    ? Uni.createFrom().item(true)
                    : slow(() -> hasher.verify(request.secret(), hash)).invoke(ok -> {
                        if (ok) {
                            verifiedSecrets.remember(id, request.secret(), Instant.now());
                        }
                    });
            return verified.chain(ok -> ok
                    ? store.credentialSucceeded(id, origin).chain(o -> settle(request, o, origin))
                    : refuse(request, AuthOutcome.refused("bad_secret", badCredential, cred.userId, id), origin));
        });
    }

    private Uni<IssuedToken> settle(AuthRequest request, AuthOutcome outcome, Origin origin) {
        return outcome.succeeded() ? Uni.createFrom().item(outcome.token()) : refuse(request, outcome, origin);
    }

    private Uni<IssuedToken> refuse(AuthRequest request, AuthOutcome outcome, Origin origin) {
        meters.refused(request.method(), outcome.reason());
        return store.refused(outcome, origin)
                .chain(() -> Uni.createFrom().failure(KeystoneException.unauthorized(outcome.message())));
    }

    /** Reads and checks a subject token: signature, expiry and revocations. */
    public Uni<IssuedToken> validate(Caller caller, String subjectToken) {
        IssuedToken token = codec.read(subjectToken).orElse(null);
        if (token == null || isRevoked(token)) {
            return Uni.createFrom().failure(tokenNotFound());
        }
        if (!IdentityPolicy.allows(caller, Action.VALIDATE_TOKEN, token.userId(), token.projectId())) {
            return Uni.createFrom().failure(KeystoneException.forbiddenAction(Action.VALIDATE_TOKEN.rule()));
        }
        return Uni.createFrom().item(token);
    }

    /** Revokes a token: refused here at once, and everywhere else when the event arrives. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, String subjectToken) {
        IssuedToken token = codec.read(subjectToken).orElse(null);
        if (token == null || isRevoked(token)) {
            return Uni.createFrom().failure(tokenNotFound());
        }
        if (!IdentityPolicy.allows(caller, Action.REVOKE_TOKEN, token.userId(), token.projectId())) {
            return Uni.createFrom().failure(KeystoneException.forbiddenAction(Action.REVOKE_TOKEN.rule()));
        }
        Revocation revocation = IdentityEvents.revoke(Revocation.Kind.TOKEN, token.auditId());
        RevokedToken row = new RevokedToken();
        row.auditId = token.auditId();
        row.userId = token.userId();
        row.revokedAt = revocation.revokedAt();
        row.expiresAt = token.expiresAt();
        return revokedTokens.persist(row)
                .chain(() -> events.changed(caller.toInitiator(), "token", "revoked",
                        new Target("token", token.auditId(), null, token.projectId(), token.userId()),
                        Map.of("audit_id", token.auditId(), "expires_at", token.expiresAt().toString()),
                        null, revocation))
                .invoke(() -> revocations.add(revocation));
    }

    private boolean isRevoked(IssuedToken t) {
        return revocations.isRevoked(t.auditId(), t.userId(), t.applicationCredentialId(), t.issuedAt());
    }

    /** Keystone's answer for a subject token it does not recognise. */
    static KeystoneException tokenNotFound() {
        return new KeystoneException(404, "Not Found", "Could not recognize the token.");
    }

    private <T> Uni<T> slow(java.util.function.Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }


    /** The roles of a token as Keystone lists them. */
    public static List<Map<String, String>> rolesOf(IssuedToken t) {
        return t.roles().stream().map(r -> Map.of("id", r.id(), "name", r.name())).toList();
    }
}

package io.accessplane.keypair.service;

import io.accessplane.keypair.config.KeypairConfig;
import io.accessplane.keypair.crypto.GeneratedKeyPair;
import io.accessplane.keypair.crypto.KeyAlgorithm;
import io.accessplane.keypair.crypto.KeyPairGenerator;
import io.accessplane.keypair.crypto.KeyType;
import io.accessplane.keypair.crypto.ParsedPublicKey;
import io.accessplane.keypair.crypto.PublicKeyParser;
import io.accessplane.keypair.crypto.RsaKeyPool;
import io.accessplane.keypair.crypto.X509Certificates;
import io.accessplane.keypair.messaging.KeypairEvents;
import io.accessplane.keypair.repository.KeyPair;
import io.accessplane.keypair.repository.KeyPairRepository;
import io.accessplane.keypair.rest.NovaException;
import io.accessplane.keypair.rules.KeypairPolicy;
import io.accessplane.keypair.rules.KeypairPolicy.Action;
import io.accessplane.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Key pairs with Nova's rules: per user, name unique per user, a per-user quota, generation
 * (never stored) or import (parsed and fingerprinted). Crypto runs on worker threads.
 */
@ApplicationScoped
public class KeyPairService {

    private final KeyPairRepository keyPairs;
    private final KeypairEvents events;
    private final PublicKeyParser parser;
    private final KeyPairGenerator generator;
    private final RsaKeyPool rsaPool;
    private final X509Certificates certificates;
    private final KeypairConfig config;
    private final Vertx vertx;

    public KeyPairService(KeyPairRepository keyPairs, KeypairEvents events, PublicKeyParser parser,
            KeyPairGenerator generator, RsaKeyPool rsaPool, X509Certificates certificates, KeypairConfig config,
            Vertx vertx) {
        this.keyPairs = keyPairs;
        this.events = events;
        this.parser = parser;
        this.generator = generator;
        this.rsaPool = rsaPool;
        this.certificates = certificates;
        this.config = config;
        this.vertx = vertx;
    }

    /** A page of the owner's key pairs by name. */
    @WithTransaction
    public Uni<List<KeyPair>> list(Caller caller, String ownerParam, String marker, int limit) {
        String owner = ownerParam == null ? caller.userId() : ownerParam;
        return authorize(caller, Action.INDEX, owner, null)
                .chain(() -> marker == null ? Uni.createFrom().voidItem()
                        : keyPairs.findByName(owner, marker).map(m -> {
                            if (m == null) {
                                throw NovaException.badRequest("marker [" + marker + "] not found");
                            }
                            return null;
                        }))
                .chain(() -> keyPairs.page(owner, marker, limit));
    }

    /** One key pair. */
    @WithTransaction
    public Uni<KeyPair> get(Caller caller, String name, String ownerParam) {
        String owner = ownerParam == null ? caller.userId() : ownerParam;
        return authorize(caller, Action.SHOW, owner, name)
                .chain(() -> keyPairs.findByName(owner, name))
                .map(k -> {
                    if (k == null) {
                        throw NovaException.keypairNotFound(name, owner);
                    }
                    return k;
                });
    }

    /** Creates a key pair: imports the given public key, or generates one. */
    public Uni<CreatedKeyPair> create(Caller caller, KeyPairRequest request) {
        String owner = request.userId() == null ? caller.userId() : request.userId();
        return authorize(caller, Action.CREATE, owner, request.name())
                .chain(() -> vertx.executeBlocking(Uni.createFrom().item(() -> material(request, owner))))
                .chain(m -> store(caller, owner, request, m));
    }

    private record Material(ParsedPublicKey key, String privateKey) {
        @Override
        public String toString() {
            return "Material[" + key.algorithm() + "]";
        }
    }

    private Material material(KeyPairRequest r, String owner) {
        if (r.publicKey() != null) {
            ParsedPublicKey key = r.type() == KeyType.X509 ? parser.parseX509(r.publicKey()) : parser.parseSsh(r.publicKey());
            return new Material(key, null);
        }
        GeneratedKeyPair generated;
        if (r.type() == KeyType.X509) {
            generated = certificates.generate(owner);
        } else {
            KeyAlgorithm algorithm = r.algorithm() == null ? KeyAlgorithm.RSA_2048 : r.algorithm();
            generated = switch (algorithm) {
                case RSA_2048, RSA_3072, RSA_4096 -> rsaPool.take(algorithm);
                default -> generator.generate(algorithm);
            };
        }
        return new Material(generated.publicKey(), generated.privateKey());
    }

    @WithTransaction
    Uni<CreatedKeyPair> store(Caller caller, String owner, KeyPairRequest r, Material m) {
        return keyPairs.lockUser(owner)
                .chain(() -> keyPairs.findByName(owner, r.name()))
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(duplicate(r.name()));
                    }
                    return keyPairs.countFor(owner);
                })
                .chain(count -> {
                    if (count >= config.quota()) {
                        return Uni.createFrom().failure(NovaException.forbidden("Quota exceeded, too many key pairs."));
                    }
                    KeyPair k = new KeyPair();
                    k.userId = owner;
                    k.projectId = caller.projectId();
                    k.name = r.name();
                    k.type = m.key().type().wireName();
                    k.publicKey = m.key().publicKey();
                    k.fingerprint = m.key().fingerprint();
                    k.fingerprintSha256 = m.key().fingerprintSha256();
                    k.algorithm = m.key().algorithm();
                    k.bits = m.key().bits();
                    k.generated = m.privateKey() != null;
                    k.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    return keyPairs.persistAndFlush(k)
                            .call(() -> events.changed(caller, "created", k))
                            .map(x -> new CreatedKeyPair(k, m.privateKey()));
                });
    }

    /** Deletes a key pair. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String name, String ownerParam) {
        String owner = ownerParam == null ? caller.userId() : ownerParam;
        return authorize(caller, Action.DELETE, owner, name)
                .chain(() -> keyPairs.findByName(owner, name))
                .chain(k -> {
                    if (k == null) {
                        return Uni.createFrom().failure(NovaException.keypairNotFound(name, owner));
                    }
                    return keyPairs.deleteRow(k).chain(() -> events.changed(caller, "deleted", k));
                });
    }

    private Uni<Void> authorize(Caller caller, Action action, String owner, String name) {
        if (KeypairPolicy.allows(caller, action, owner)) {
            return Uni.createFrom().voidItem();
        }
        return events.denied(caller, action.rule(), owner, name).chain(() -> Uni.createFrom().failure(
                NovaException.forbidden("Policy doesn't allow " + action.rule() + " to be performed.")));
    }

    /** Nova's duplicate message. */
    public static NovaException duplicate(String name) {
        return NovaException.conflict("Key pair '" + name + "' already exists.");
    }
}

package io.accessplane.audit.config;

import io.accessplane.audit.crypto.SigningKey;
import io.accessplane.audit.crypto.TrustedCheckpointKeys;
import io.accessplane.audit.crypto.VerificationKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.security.SecureRandom;
import org.jboss.logging.Logger;

/**
 * Provides the Ed25519 key that signs checkpoints: from {@code signing-key}, else from
 * {@code signing-key-file}, else (outside production) a key generated for this process only;
 * and the keys verification trusts (that one and the earlier ones of {@code trusted-keys-file}).
 */
@ApplicationScoped
public class SigningKeyProducer {

    private static final Logger LOG = Logger.getLogger(SigningKeyProducer.class);

    @Produces
    @Singleton
    SigningKey signingKey(AuditConfig config) {
        AuditConfig.Checkpoints c = config.checkpoints();
        if (c.signingKey().isPresent()) {
            return SigningKey.fromConfig(c.signingKey().get());
        }
        if (c.signingKeyFile().isPresent()) {
            Path file = Path.of(c.signingKeyFile().get());
            try {
                return SigningKey.fromConfig(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the checkpoint signing key file " + file, e);
            }
        }
        if (c.requireKey()) {
            throw new IllegalStateException("no checkpoint signing key: set ACCESSPLANE_AUDIT_CHECKPOINTS_SIGNING_KEY "
                    + "or ACCESSPLANE_AUDIT_CHECKPOINTS_SIGNING_KEY_FILE (openssl genpkey -algorithm ed25519)");
        }
        SigningKey key = SigningKey.generate(new SecureRandom());
        LOG.warnf("checkpoints are signed with a key generated for this process (fingerprint %s); "
                + "configure accessplane.audit.checkpoints.signing-key-file to keep it across restarts", key.fingerprint());
        return key;
    }

    @Produces
    @Singleton
    TrustedCheckpointKeys trustedKeys(AuditConfig config, SigningKey current) {
        List<VerificationKey> earlier = new ArrayList<>();
        if (config.checkpoints().trustedKeysFile().isPresent()) {
            Path file = Path.of(config.checkpoints().trustedKeysFile().get());
            if (!Files.exists(file)) {
                // An optional mount (a ConfigMap not created yet) leaves no file: no earlier keys.
                LOG.infof("no trusted checkpoint keys file at %s: only the current key is trusted", file);
                return new TrustedCheckpointKeys(current.verificationKey(), List.of());
            }
            try {
                earlier.addAll(TrustedCheckpointKeys.parsePems(Files.readString(file)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the trusted checkpoint keys file " + file + ": " + e.getMessage(), e);
            }
            LOG.infof("checkpoints signed by %d earlier key(s) stay trusted", earlier.size());
        }
        return new TrustedCheckpointKeys(current.verificationKey(), earlier);
    }
}

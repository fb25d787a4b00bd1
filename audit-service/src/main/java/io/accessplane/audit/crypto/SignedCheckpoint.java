package io.accessplane.audit.crypto;

import java.util.Base64;
import java.util.Objects;

/**
 * A checkpoint with its signature over {@link Checkpoint#stringToSign()}.
 *
 * @param body the checkpoint
 * @param signature the Ed25519 signature, standard base64 with padding
 */
public record SignedCheckpoint(Checkpoint body, String signature) {

    /** Checks both parts are present. */
    public SignedCheckpoint {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
    }

    /** Whether the signature is valid for the body under {@code key} (false if it is not even base64). */
    public boolean verifiesWith(VerificationKey key) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return key.verify(body.stringToSign(), decoded);
    }
}

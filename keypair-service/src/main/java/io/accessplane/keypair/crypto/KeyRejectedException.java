package io.accessplane.keypair.crypto;

/** Why submitted key material was refused; the message is safe to show and never echoes the key. */
public final class KeyRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A rejection with a message fit for API users; callers never put key material in it. */
    public KeyRejectedException(String message) {
        super(message, null, false, false);
    }
}

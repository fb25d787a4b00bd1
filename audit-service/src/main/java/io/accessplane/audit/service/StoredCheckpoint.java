package io.accessplane.audit.service;

import io.accessplane.audit.crypto.SignedCheckpoint;

/** A signed checkpoint as stored: its order number, the signed body and the exact text that was signed. */
public record StoredCheckpoint(long seq, SignedCheckpoint signed, String signedText) {
}

package io.accessplane.audit.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored row of a project's chain, as read back for verification.
 *
 * @param index position in the project's chain (the first record after the anchor is anchor index + 1)
 * @param eventId the event's id, to name the row in a report
 * @param canonical the stored RFC 8785 bytes of the event (copied in and out)
 * @param storedHash the stored link hash, lower-case hex, exactly as found (it may have been tampered with)
 */
public record ChainRecord(long index, String eventId, byte[] canonical, String storedHash) {

    /** Copies the bytes so the record cannot change after it is made. */
    public ChainRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(storedHash, "storedHash");
        canonical = Objects.requireNonNull(canonical, "canonical").clone();
    }

    /** A copy of the stored canonical bytes. */
    @Override
    public byte[] canonical() {
        return canonical.clone();
    }

    /** Whether SHA-256(canonical ‖ previousHash) is this record's stored hash; false if the previous hash is malformed. */
    boolean chainsFrom(String previousHashHex) {
        if (!HashChain.isHashHex(previousHashHex)) {
            return false;
        }
        return HashChain.linkHex(canonical, previousHashHex).equals(storedHash);
    }

    /** Whether the stored bytes are exactly their own RFC 8785 form. */
    boolean isCanonical() {
        return JsonCanonicalizer.isCanonical(canonical);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainRecord that
                && index == that.index
                && eventId.equals(that.eventId)
                && Arrays.equals(canonical, that.canonical)
                && storedHash.equals(that.storedHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, eventId, Arrays.hashCode(canonical), storedHash);
    }

    @Override
    public String toString() {
        return "ChainRecord[index=" + index + ", eventId=" + eventId + ", canonical=" + canonical.length
                + " bytes, storedHash=" + storedHash + "]";
    }
}

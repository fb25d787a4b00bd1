package io.accessplane.audit.crypto;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds stored chains (as the audit writer would) and tampered copies of them for verifier tests. */
final class TestChains {
    private final Random random;
    private final RandomJson json;

    TestChains(Random random) {
        this.random = random;
        this.json = new RandomJson(random);
    }

    /** {@code count} records chained from {@code anchor}, indexes anchor+1 .. anchor+count. */
    List<ChainRecord> build(ChainAnchor anchor, int count) {
        List<ChainRecord> records = new ArrayList<>();
        String previous = anchor.hash();
        for (int i = 1; i <= count; i++) {
            long index = anchor.index() + i;
            ChainRecord record = record(index, "evt-" + index, event(index), previous);
            records.add(record);
            previous = record.storedHash();
        }
        return records;
    }

    /** The canonical bytes of a plausible audit event. */
    byte[] event(long index) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", "evt-" + index);
        event.put("type", "io.accessplane.keypair.created.v1");
        event.put("sequence", index);
        event.put("nonce", random.nextLong());
        event.set("data", json.value(2));
        return JsonCanonicalizer.canonicalize(event);
    }

    /** A forged event with fresh content. */
    byte[] forgedEvent() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", "forged");
        event.put("nonce", random.nextLong());
        return JsonCanonicalizer.canonicalize(event);
    }

    /** A record whose stored hash is the correct link from {@code previousHash}. */
    static ChainRecord record(long index, String eventId, byte[] canonical, String previousHash) {
        return new ChainRecord(index, eventId, canonical, HashChain.linkHex(canonical, previousHash));
    }

    /** A copy of {@code record} at another index. */
    static ChainRecord renumbered(ChainRecord record, long index) {
        return new ChainRecord(index, record.eventId(), record.canonical(), record.storedHash());
    }

    /** A random 64-hex-digit string (a hash that links to nothing). */
    String garbageHash() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HashChain.toHex(bytes);
    }

    /** The verdict on {@code records} with the given anchor and checkpoint heads. */
    static ChainReport verify(ChainAnchor anchor, List<CheckpointHead> heads, List<ChainRecord> records) {
        return ChainVerifier.verify(anchor, heads, records);
    }
}

package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accessplane.audit.crypto.ChainProblem.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verification of one project's stored chain: intact chains pass, and each kind of tampering is named where it is. */
class ChainVerifierTest {
    private static final ChainAnchor GENESIS = ChainAnchor.genesis();

    private final Random random = new Random(20240607);
    private final TestChains chains = new TestChains(random);

    @Test
    void emptyChainIsIntact() {
        ChainReport report = TestChains.verify(GENESIS, List.of(), List.of());
        assertTrue(report.intact());
        assertEquals(0, report.recordsChecked());
        assertNull(report.firstProblem());
    }

    /** Property: every untouched chain of 1..200 records verifies, and every record is read. */
    @Test
    void randomIntactChainsVerify() {
        for (int trial = 0; trial < 60; trial++) {
            int size = trial < 3 ? new int[] {1, 2, 200}[trial] : 1 + random.nextInt(200);
            List<ChainRecord> records = chains.build(GENESIS, size);
            ChainReport report = TestChains.verify(GENESIS, List.of(), records);
            assertTrue(report.intact(), () -> "size " + size + ": " + report);
            assertEquals(size, report.recordsChecked());
        }
    }

    @Test
    void chainAfterRetentionPurgeVerifiesFromItsAnchor() {
        List<ChainRecord> full = chains.build(GENESIS, 50);
        ChainRecord lastPurged = full.get(19);
        ChainAnchor anchor = new ChainAnchor(lastPurged.index(), lastPurged.storedHash());
        ChainReport report = TestChains.verify(anchor, List.of(), full.subList(20, 50));
        assertTrue(report.intact(), report::toString);
        assertEquals(30, report.recordsChecked());
    }

    @Test
    void wrongAnchorHashIsAlteredAtTheFirstRecord() {
        List<ChainRecord> full = chains.build(GENESIS, 10);
        ChainAnchor anchor = new ChainAnchor(5, chains.garbageHash());
        assertProblem(TestChains.verify(anchor, List.of(), full.subList(5, 10)), Kind.ALTERED, 6, "evt-6");
    }

    /** Property: flipping any one byte of any record's stored bytes names exactly that index ALTERED. */
    @Test
    void flippingOneCanonicalByteNamesThatIndexAltered() {
        for (int trial = 0; trial < 40; trial++) {
            int size = 1 + random.nextInt(200);
            List<ChainRecord> records = chains.build(GENESIS, size);
            for (int k = 1; k <= size; k += 1 + random.nextInt(Math.max(1, size / 8))) {
                List<ChainRecord> tampered = new ArrayList<>(records);
                ChainRecord original = records.get(k - 1);
                byte[] bytes = original.canonical();
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                tampered.set(k - 1, new ChainRecord(k, original.eventId(), bytes, original.storedHash()));
                assertProblem(TestChains.verify(GENESIS, List.of(), tampered), Kind.ALTERED, k, "evt-" + k);
            }
        }
    }

    /** Property: changing one hex digit of any stored hash names exactly that index ALTERED. */
    @Test
    void changingOneStoredHashDigitNamesThatIndexAltered() {
        for (int trial = 0; trial < 40; trial++) {
            int size = 1 + random.nextInt(200);
            List<ChainRecord> records = chains.build(GENESIS, size);
            int k = 1 + random.nextInt(size);
            ChainRecord original = records.get(k - 1);
            char[] hash = original.storedHash().toCharArray();
            int at = random.nextInt(64);
            hash[at] = hash[at] == 'f' ? '0' : (char) "0123456789abcdef".charAt("0123456789abcdef".indexOf(hash[at]) + 1);
            List<ChainRecord> tampered = new ArrayList<>(records);
            tampered.set(k - 1, new ChainRecord(k, original.eventId(), original.canonical(), new String(hash)));
            assertProblem(TestChains.verify(GENESIS, List.of(), tampered), Kind.ALTERED, k, "evt-" + k);
        }
    }

    @Test
    void malformedStoredHashIsAltered() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 5));
        ChainRecord third = records.get(2);
        records.set(2, new ChainRecord(3, third.eventId(), third.canonical(), third.storedHash().toUpperCase()));
        assertProblem(TestChains.verify(GENESIS, List.of(), records), Kind.ALTERED, 3, "evt-3");
        records.set(2, new ChainRecord(3, third.eventId(), third.canonical(), "not a hash"));
        assertProblem(TestChains.verify(GENESIS, List.of(), records), Kind.ALTERED, 3, "evt-3");
    }

    /** Property: deleting record k (not the last) names MISSING at k, with no event id. */
    @Test
    void deletingARecordNamesMissingAtItsIndex() {
        for (int trial = 0; trial < 60; trial++) {
            int size = 2 + random.nextInt(199);
            List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, size));
            int k = 1 + random.nextInt(size - 1);
            records.remove(k - 1);
            ChainReport report = TestChains.verify(GENESIS, List.of(), records);
            assertProblem(report, Kind.MISSING, k, null);
            assertTrue(report.firstProblem().detail().contains("1 record(s) missing"), report::toString);
        }
    }

    @Test
    void deletingARunNamesItsFirstIndex() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 30));
        records.subList(9, 14).clear();
        ChainReport report = TestChains.verify(GENESIS, List.of(), records);
        assertProblem(report, Kind.MISSING, 10, null);
        assertTrue(report.firstProblem().detail().contains("5 record(s) missing"));
    }

    @Test
    void gapBeforeTheFirstRecordIsMissing() {
        List<ChainRecord> records = chains.build(GENESIS, 10);
        assertProblem(TestChains.verify(GENESIS, List.of(), records.subList(3, 10)), Kind.MISSING, 1, null);
    }

    /** Property: a forged record inserted at k with later rows renumbered is named INSERTED at k, however its hash was made. */
    @Test
    void insertingAForgedRecordNamesInsertedAtItsPosition() {
        for (int trial = 0; trial < 80; trial++) {
            int size = 1 + random.nextInt(200);
            List<ChainRecord> records = chains.build(GENESIS, size);
            int k = 1 + random.nextInt(size);
            boolean wellFormedHash = trial % 2 == 0;
            String previous = k == 1 ? GENESIS.hash() : records.get(k - 2).storedHash();
            byte[] forgedBytes = chains.forgedEvent();
            ChainRecord forged = wellFormedHash
                    ? TestChains.record(k, "forged", forgedBytes, previous)
                    : new ChainRecord(k, "forged", forgedBytes, chains.garbageHash());
            List<ChainRecord> tampered = new ArrayList<>(records.subList(0, k - 1));
            tampered.add(forged);
            for (ChainRecord later : records.subList(k - 1, size)) {
                tampered.add(TestChains.renumbered(later, later.index() + 1));
            }
            assertProblem(TestChains.verify(GENESIS, List.of(), tampered), Kind.INSERTED, k, "forged");
        }
    }

    /** Documented limit: a correctly linked record appended at the end looks like a genuine append. */
    @Test
    void appendingAtTheEnd() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 10));
        List<ChainRecord> linked = new ArrayList<>(records);
        linked.add(TestChains.record(11, "forged", chains.forgedEvent(), records.get(9).storedHash()));
        assertTrue(TestChains.verify(GENESIS, List.of(), linked).intact());
        List<ChainRecord> unlinked = new ArrayList<>(records);
        unlinked.add(new ChainRecord(11, "forged", chains.forgedEvent(), chains.garbageHash()));
        assertProblem(TestChains.verify(GENESIS, List.of(), unlinked), Kind.ALTERED, 11, "forged");
    }

    /** Property: a second row at an existing index is INSERTED there, and the forged row is the one named. */
    @Test
    void duplicateIndexNamesTheForgedRow() {
        for (int trial = 0; trial < 80; trial++) {
            int size = 2 + random.nextInt(199);
            List<ChainRecord> records = chains.build(GENESIS, size);
            int k = 1 + random.nextInt(size - 1);
            boolean linked = random.nextBoolean();
            boolean forgedFirst = random.nextBoolean();
            String previous = k == 1 ? GENESIS.hash() : records.get(k - 2).storedHash();
            byte[] forgedBytes = chains.forgedEvent();
            ChainRecord forged = linked
                    ? TestChains.record(k, "forged", forgedBytes, previous)
                    : new ChainRecord(k, "forged", forgedBytes, chains.garbageHash());
            List<ChainRecord> tampered = new ArrayList<>(records);
            tampered.add(forgedFirst ? k - 1 : k, forged);
            ChainReport report = TestChains.verify(GENESIS, List.of(), tampered);
            assertProblem(report, Kind.INSERTED, k, "forged");
            assertTrue(report.firstProblem().detail().contains("appears more than once"), report::toString);
        }
    }

    @Test
    void duplicateOfTheLastIndexIsInserted() {
        List<ChainRecord> records = chains.build(GENESIS, 5);
        for (boolean forgedFirst : new boolean[] {true, false}) {
            List<ChainRecord> tampered = new ArrayList<>(records);
            ChainRecord forged = TestChains.record(5, "forged", chains.forgedEvent(), records.get(3).storedHash());
            tampered.add(forgedFirst ? 4 : 5, forged);
            ChainReport report = TestChains.verify(GENESIS, List.of(), tampered);
            assertEquals(Kind.INSERTED, report.firstProblem().kind());
            assertEquals(5, report.firstProblem().index());
            assertTrue(report.firstProblem().detail().contains("forged"));
        }
    }

    @Test
    void aRowStoredTwiceIsInserted() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 8));
        records.add(4, records.get(3));
        ChainReport report = TestChains.verify(GENESIS, List.of(), records);
        assertEquals(Kind.INSERTED, report.firstProblem().kind());
        assertEquals(4, report.firstProblem().index());
    }

    @Test
    void aRowAtTheAnchorsOwnIndexIsInserted() {
        List<ChainRecord> full = chains.build(GENESIS, 10);
        ChainAnchor anchor = new ChainAnchor(4, full.get(3).storedHash());
        assertProblem(TestChains.verify(anchor, List.of(), full.subList(3, 10)), Kind.INSERTED, 4, "evt-4");
    }

    /** Bytes that hash correctly (the whole tail re-hashed) but are not canonical are still ALTERED. */
    @Test
    void nonCanonicalBytesWithAValidHashAreAltered() {
        List<ChainRecord> records = chains.build(GENESIS, 10);
        List<ChainRecord> rewritten = new ArrayList<>(records.subList(0, 4));
        String previous = records.get(3).storedHash();
        for (ChainRecord record : records.subList(4, 10)) {
            byte[] bytes = record.index() == 5
                    ? ("{ \"pretty\": true }").getBytes(StandardCharsets.UTF_8)
                    : record.canonical();
            ChainRecord relinked = TestChains.record(record.index(), record.eventId(), bytes, previous);
            rewritten.add(relinked);
            previous = relinked.storedHash();
        }
        ChainReport report = TestChains.verify(GENESIS, List.of(), rewritten);
        assertProblem(report, Kind.ALTERED, 5, "evt-5");
        assertTrue(report.firstProblem().detail().contains("canonical"));
    }

    @Test
    void invalidUtf8WithAValidHashIsAltered() {
        byte[] bytes = {'"', (byte) 0xff, '"'};
        List<ChainRecord> records = List.of(TestChains.record(1, "e1", bytes, GENESIS.hash()));
        assertProblem(TestChains.verify(GENESIS, List.of(), records), Kind.ALTERED, 1, "e1");
    }

    /**
     * Documented limit: a record rewritten with a recomputed hash is caught at the next index, whose link
     * breaks; a checkpoint head at the rewritten index pins it exactly.
     */
    @Test
    void rewrittenRecordWithRecomputedHash() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 20));
        ChainRecord original = records.get(9);
        records.set(9, TestChains.record(10, "evt-10", chains.forgedEvent(), records.get(8).storedHash()));
        assertProblem(TestChains.verify(GENESIS, List.of(), records), Kind.ALTERED, 11, "evt-11");
        CheckpointHead head = new CheckpointHead("cp-1", 10, original.storedHash());
        ChainReport pinned = TestChains.verify(GENESIS, List.of(head), records);
        assertProblem(pinned, Kind.ALTERED, 10, "evt-10");
        assertTrue(pinned.firstProblem().detail().contains("cp-1"));
    }

    @Test
    void matchingCheckpointHeadsKeepTheChainIntact() {
        List<ChainRecord> records = chains.build(GENESIS, 40);
        List<CheckpointHead> heads = List.of(
                new CheckpointHead("cp-3", 40, records.get(39).storedHash()),
                new CheckpointHead("cp-1", 7, records.get(6).storedHash()),
                new CheckpointHead("cp-2", 25, records.get(24).storedHash()),
                new CheckpointHead("cp-0", 0, GENESIS.hash()));
        ChainReport report = TestChains.verify(GENESIS, heads, records);
        assertTrue(report.intact(), report::toString);
        assertEquals(40, report.recordsChecked());
    }

    @Test
    void checkpointHeadWithAnotherHashIsAlteredAtItsIndex() {
        List<ChainRecord> records = chains.build(GENESIS, 40);
        List<CheckpointHead> heads = List.of(
                new CheckpointHead("cp-1", 7, records.get(6).storedHash()),
                new CheckpointHead("cp-2", 25, chains.garbageHash()));
        assertProblem(TestChains.verify(GENESIS, heads, records), Kind.ALTERED, 25, "evt-25");
        List<CheckpointHead> atEnd = List.of(new CheckpointHead("cp-9", 40, chains.garbageHash()));
        assertProblem(TestChains.verify(GENESIS, atEnd, records), Kind.ALTERED, 40, "evt-40");
    }

    @Test
    void checkpointHeadAtTheAnchorIsComparedWithTheAnchor() {
        List<ChainRecord> full = chains.build(GENESIS, 20);
        ChainAnchor anchor = new ChainAnchor(10, full.get(9).storedHash());
        List<ChainRecord> kept = full.subList(10, 20);
        assertTrue(TestChains.verify(anchor, List.of(new CheckpointHead("a", 10, anchor.hash())), kept).intact());
        ChainReport report = TestChains.verify(anchor, List.of(new CheckpointHead("a", 10, chains.garbageHash())), kept);
        assertProblem(report, Kind.ALTERED, 10, null);
        assertEquals(0, report.recordsChecked());
        List<CheckpointHead> purged = List.of(new CheckpointHead("old", 3, chains.garbageHash()));
        assertTrue(TestChains.verify(anchor, purged, kept).intact(), "heads below the anchor are not checkable");
    }

    /** Property: cutting off the tail is invisible without a checkpoint, and MISSING after the cut with one. */
    @Test
    void truncationIsCaughtOnlyByACheckpointHead() {
        for (int trial = 0; trial < 40; trial++) {
            int size = 1 + random.nextInt(200);
            List<ChainRecord> records = chains.build(GENESIS, size);
            int kept = random.nextInt(size);
            List<ChainRecord> truncated = records.subList(0, kept);
            assertTrue(TestChains.verify(GENESIS, List.of(), truncated).intact());
            int pinned = kept + 1 + random.nextInt(size - kept);
            CheckpointHead head = new CheckpointHead("cp-" + trial, pinned, records.get(pinned - 1).storedHash());
            ChainReport report = TestChains.verify(GENESIS, List.of(head), truncated);
            assertProblem(report, Kind.MISSING, kept + 1, null);
            assertTrue(report.firstProblem().detail().contains("truncated"));
            assertEquals(kept, report.recordsChecked());
        }
    }

    @Test
    void insertedRecordAtACheckpointedIndexIsStillNamedInserted() {
        List<ChainRecord> records = chains.build(GENESIS, 12);
        CheckpointHead head = new CheckpointHead("cp", 6, records.get(5).storedHash());
        List<ChainRecord> tampered = new ArrayList<>(records.subList(0, 5));
        tampered.add(TestChains.record(6, "forged", chains.forgedEvent(), records.get(4).storedHash()));
        for (ChainRecord later : records.subList(5, 12)) {
            tampered.add(TestChains.renumbered(later, later.index() + 1));
        }
        assertProblem(TestChains.verify(GENESIS, List.of(head), tampered), Kind.INSERTED, 6, "forged");
        List<ChainRecord> duplicated = new ArrayList<>(records);
        duplicated.add(5, TestChains.record(6, "forged", chains.forgedEvent(), records.get(4).storedHash()));
        assertProblem(TestChains.verify(GENESIS, List.of(head), duplicated), Kind.INSERTED, 6, "forged");
    }

    /** Property: one random tampering on a random chain is always reported with the expected kind and index. */
    @Test
    void randomTamperingIsAlwaysNamedPrecisely() {
        for (int trial = 0; trial < 300; trial++) {
            int size = 2 + random.nextInt(150);
            List<ChainRecord> records = chains.build(GENESIS, size);
            List<ChainRecord> tampered = new ArrayList<>(records);
            int k = 1 + random.nextInt(size - 1);
            Kind expected;
            String eventId = "evt-" + k;
            switch (random.nextInt(4)) {
                case 0 -> {
                    ChainRecord r = records.get(k - 1);
                    byte[] bytes = r.canonical();
                    bytes[random.nextInt(bytes.length)] ^= 0x20;
                    tampered.set(k - 1, new ChainRecord(k, r.eventId(), bytes, r.storedHash()));
                    expected = Kind.ALTERED;
                }
                case 1 -> {
                    tampered.remove(k - 1);
                    expected = Kind.MISSING;
                    eventId = null;
                }
                case 2 -> {
                    String previous = k == 1 ? GENESIS.hash() : records.get(k - 2).storedHash();
                    tampered.add(k - 1, TestChains.record(k, "forged", chains.forgedEvent(), previous));
                    for (int i = k; i < tampered.size(); i++) {
                        tampered.set(i, TestChains.renumbered(tampered.get(i), i + 1));
                    }
                    expected = Kind.INSERTED;
                    eventId = "forged";
                }
                default -> {
                    tampered.add(k, new ChainRecord(k, "forged", chains.forgedEvent(), chains.garbageHash()));
                    expected = Kind.INSERTED;
                    eventId = "forged";
                }
            }
            ChainReport whole = TestChains.verify(GENESIS, List.of(), tampered);
            assertProblem(whole, expected, k, eventId);
            assertEquals(whole, streamInRandomPages(tampered));
        }
    }

    @Test
    void streamingInPagesGivesTheSameReport() {
        List<ChainRecord> records = chains.build(GENESIS, 120);
        assertEquals(TestChains.verify(GENESIS, List.of(), records), streamInRandomPages(records));
    }

    @Test
    void recordsAfterTheFirstProblemAreIgnored() {
        List<ChainRecord> records = new ArrayList<>(chains.build(GENESIS, 50));
        records.remove(9);
        ChainVerifier verifier = new ChainVerifier(GENESIS, List.of());
        for (ChainRecord record : records) {
            verifier.accept(record);
        }
        assertTrue(verifier.problemFound());
        ChainReport report = verifier.finish();
        assertProblem(report, Kind.MISSING, 10, null);
        assertEquals(10, report.recordsChecked(), "nine good records and the one after the gap");
    }

    @Test
    void recordsOutOfOrderBreakTheContract() {
        List<ChainRecord> records = chains.build(GENESIS, 5);
        ChainVerifier verifier = new ChainVerifier(GENESIS, List.of());
        verifier.accept(records.get(0));
        verifier.accept(records.get(1));
        assertThrows(IllegalArgumentException.class, () -> verifier.accept(records.get(0)));
    }

    @Test
    void finishEndsTheVerifier() {
        List<ChainRecord> records = chains.build(GENESIS, 3);
        ChainVerifier verifier = new ChainVerifier(GENESIS, List.of());
        records.forEach(verifier::accept);
        ChainReport report = verifier.finish();
        assertSame(report, verifier.finish());
        assertThrows(IllegalStateException.class, () -> verifier.accept(records.get(0)));
        assertFalse(verifier.problemFound());
    }

    @Test
    void chainRecordIsAnImmutableValue() {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
        ChainRecord record = new ChainRecord(1, "e", bytes, HashChain.GENESIS_HEX);
        bytes[0] = 'x';
        record.canonical()[0] = 'y';
        assertEquals('{', record.canonical()[0]);
        assertEquals(record, new ChainRecord(1, "e", "{}".getBytes(StandardCharsets.UTF_8), HashChain.GENESIS_HEX));
        assertEquals(record.hashCode(),
                new ChainRecord(1, "e", "{}".getBytes(StandardCharsets.UTF_8), HashChain.GENESIS_HEX).hashCode());
        assertTrue(record.toString().contains("2 bytes"));
    }

    @Test
    void valueChecks() {
        assertThrows(IllegalArgumentException.class, () -> new ChainAnchor(-1, HashChain.GENESIS_HEX));
        assertThrows(IllegalArgumentException.class, () -> new ChainAnchor(0, "00"));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointHead("c", 1, "XY"));
        assertThrows(IllegalArgumentException.class, () -> new ChainReport(true, 0,
                new ChainProblem(Kind.MISSING, 1, null, "x")));
        assertThrows(IllegalArgumentException.class, () -> new ChainReport(false, 0, null));
    }

    private ChainReport streamInRandomPages(List<ChainRecord> records) {
        ChainVerifier verifier = new ChainVerifier(GENESIS, List.of());
        int at = 0;
        while (at < records.size() && !verifier.problemFound()) {
            int page = 1 + random.nextInt(17);
            for (ChainRecord record : records.subList(at, Math.min(records.size(), at + page))) {
                verifier.accept(record);
            }
            at += page;
        }
        return verifier.finish();
    }

    private static void assertProblem(ChainReport report, Kind kind, long index, String eventId) {
        assertFalse(report.intact(), "expected " + kind + " at " + index + " but the chain verified");
        ChainProblem problem = report.firstProblem();
        assertEquals(kind, problem.kind(), problem::toString);
        assertEquals(index, problem.index(), problem::toString);
        assertEquals(eventId, problem.eventId(), problem::toString);
    }
}

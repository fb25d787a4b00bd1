package io.accessplane.audit.crypto;

import io.accessplane.audit.crypto.ChainProblem.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Incremental verification of one project's stored chain in one pass, holding at most two records
 * whatever the chain's length: feed rows in ascending index order with {@link #accept(ChainRecord)} (for
 * example page by page from the database), then call {@link #finish()}.
 *
 * <p>Let the last <em>committed</em> record (or the anchor, before any) be at index {@code t}. A record
 * <em>chains from</em> a hash when SHA-256(its stored bytes ‖ that hash) equals its stored hash. The first
 * problem is decided by these rules, in this order, looking at most one record ahead:
 *
 * <ol>
 *   <li>A record with an index below {@code t} breaks the caller's ordering contract:
 *       {@link IllegalArgumentException}.
 *   <li><b>INSERTED (duplicate index)</b>: a record whose index is {@code t} again. If it is at the anchor's
 *       index it is named at once. If both rows at {@code t} chain from the record at {@code t-1}, the next
 *       record decides: if it chains from the later row, the earlier row is named; otherwise (including at
 *       the end of the chain) the later row is named. If the later row does not chain, it is named at once.
 *   <li><b>MISSING (gap)</b>: the next index is {@code t+k}, {@code k > 1}: named at {@code t+1}, no event id.
 *   <li>A record at {@code t+1} that chains from {@code t}'s hash is committed, unless its bytes are not
 *       their own RFC 8785 form: then <b>ALTERED</b> at once (re-hashing non-canonical bytes is still tampering).
 *   <li><b>INSERTED (between direct neighbours)</b>: a record at {@code t+1} that does not chain from
 *       {@code t} but does chain from {@code t-1}'s hash shows that the record at {@code t} sits between
 *       two records that chain to each other directly: the record at {@code t} is named.
 *   <li>Otherwise the record at {@code t+1} is a suspect and the next record decides: a second row at
 *       {@code t+1} makes the suspect <b>INSERTED</b> (duplicate index; if the second row chains from {@code t}
 *       it is genuine); a record at {@code t+2} that chains from {@code t}'s hash shows the suspect sits between
 *       direct neighbours: <b>INSERTED</b>; in every other case (including no next record) the suspect is
 *       <b>ALTERED</b>.
 *   <li><b>ALTERED (checkpoint)</b>: a committed record whose hash differs from a checkpoint head at its
 *       index. The next record may still show it <b>INSERTED</b> (by rule 5, or by being a second row at that
 *       index carrying the checkpoint's hash); otherwise it is ALTERED. A head at the anchor's index is
 *       compared with the anchor hash (ALTERED at that index, no event id); heads below the anchor were purged
 *       with their records and are not checked.
 *   <li><b>MISSING (truncation)</b>: at {@link #finish()}, a checkpoint head beyond the last stored index:
 *       named at the first index after the stored end, no event id.
 * </ol>
 *
 * <p>Limits, inherent to a hash chain without a checkpoint at the index concerned: a record rewritten
 * together with a freshly computed hash is reported ALTERED at the <em>next</em> index, whose link no
 * longer holds; a deletion hidden by renumbering later rows is reported ALTERED at the first renumbered
 * index; and a correctly chained record appended at the end is indistinguishable from a genuine append.
 */
public final class ChainVerifier {
    private final List<CheckpointHead> heads;
    private int nextHead;

    private long lastIndex;
    private String lastHash;
    private String lastEventId;
    private String hashBefore;

    private ChainSuspicion pending;
    private ChainProblem problem;
    private long recordsRead;
    private ChainReport report;

    /**
     * A verifier for a chain that starts after {@code anchor} and is covered by {@code checkpointHeads}
     * (this project's heads, from any number of checkpoints, in any order).
     */
    public ChainVerifier(ChainAnchor anchor, List<CheckpointHead> checkpointHeads) {
        Objects.requireNonNull(anchor, "anchor");
        List<CheckpointHead> sorted = new ArrayList<>(checkpointHeads);
        sorted.sort(Comparator.comparingLong(CheckpointHead::index));
        this.heads = List.copyOf(sorted);
        this.lastIndex = anchor.index();
        this.lastHash = anchor.hash();
        while (nextHead < heads.size() && heads.get(nextHead).index() <= anchor.index()) {
            CheckpointHead head = heads.get(nextHead++);
            if (head.index() == anchor.index() && !head.hash().equals(anchor.hash())) {
                problem = new ChainProblem(Kind.ALTERED, anchor.index(), null, "checkpoint " + head.checkpointId()
                        + " pins index " + head.index() + " to " + head.hash() + " but the chain's anchor there is "
                        + anchor.hash());
            }
        }
    }

    /** Verifies a whole chain at once. */
    public static ChainReport verify(ChainAnchor anchor, List<CheckpointHead> checkpointHeads,
            Iterable<ChainRecord> records) {
        ChainVerifier verifier = new ChainVerifier(anchor, checkpointHeads);
        for (ChainRecord record : records) {
            if (verifier.problemFound()) {
                break;
            }
            verifier.accept(record);
        }
        return verifier.finish();
    }

    /**
     * Takes the next stored record; records must come in ascending index order. Once a problem is found
     * further records are ignored (see {@link #problemFound()}).
     *
     * @throws IllegalArgumentException if the record's index is below the previous record's
     * @throws IllegalStateException after {@link #finish()}
     */
    public void accept(ChainRecord record) {
        Objects.requireNonNull(record, "record");
        if (report != null) {
            throw new IllegalStateException("accept after finish");
        }
        if (problem != null) {
            return;
        }
        long floor = pending != null ? pending.index() : lastIndex;
        if (record.index() < floor) {
            throw new IllegalArgumentException("records must arrive in ascending index order: index "
                    + record.index() + " came after " + floor);
        }
        recordsRead++;
        if (pending != null) {
            problem = pending.resolve(record);
            pending = null;
        } else {
            examine(record);
        }
    }

    /** Whether a problem has already been decided, so a caller streaming rows may stop fetching. */
    public boolean problemFound() {
        return problem != null;
    }

    /** Ends verification and returns the verdict; later calls return the same report. */
    public ChainReport finish() {
        if (report == null) {
            if (problem == null && pending != null) {
                problem = pending.resolve(null);
                pending = null;
            }
            if (problem == null && nextHead < heads.size()) {
                CheckpointHead beyond = heads.get(heads.size() - 1);
                problem = new ChainProblem(Kind.MISSING, lastIndex + 1, null, "checkpoint " + beyond.checkpointId()
                        + " pins index " + beyond.index() + " but the stored chain ends at index " + lastIndex
                        + ": the chain was truncated");
            }
            report = problem == null ? ChainReport.intact(recordsRead) : ChainReport.broken(recordsRead, problem);
        }
        return report;
    }

    private void examine(ChainRecord record) {
        long index = record.index();
        if (index == lastIndex) {
            examineDuplicate(record);
        } else if (index > lastIndex + 1) {
            problem = new ChainProblem(Kind.MISSING, lastIndex + 1, null, "expected index " + (lastIndex + 1)
                    + " but found " + index + ": " + (index - lastIndex - 1) + " record(s) missing");
        } else if (record.chainsFrom(lastHash)) {
            if (record.isCanonical()) {
                commit(record);
            } else {
                problem = new ChainProblem(Kind.ALTERED, index, record.eventId(),
                        "the stored bytes hash correctly but are not in RFC 8785 canonical form");
            }
        } else if (hashBefore != null && record.chainsFrom(hashBefore)) {
            problem = ChainSuspicion.insertedBetween(lastIndex, lastEventId, record);
        } else {
            pending = new ChainSuspicion.BrokenLink(record, lastHash);
        }
    }

    private void examineDuplicate(ChainRecord record) {
        if (lastEventId == null) {
            problem = new ChainProblem(Kind.INSERTED, record.index(), record.eventId(),
                    "a record at the anchor's own index " + record.index());
        } else if (hashBefore != null && record.chainsFrom(hashBefore)) {
            pending = new ChainSuspicion.Fork(lastIndex, lastEventId, record);
        } else {
            problem = ChainSuspicion.duplicate(record.index(), record.eventId(), lastEventId,
                    "the later row does not chain from index " + (record.index() - 1));
        }
    }

    private void commit(ChainRecord record) {
        hashBefore = lastHash;
        lastHash = record.storedHash();
        lastIndex = record.index();
        lastEventId = record.eventId();
        while (nextHead < heads.size() && heads.get(nextHead).index() == lastIndex) {
            CheckpointHead head = heads.get(nextHead++);
            if (!head.hash().equals(lastHash) && pending == null) {
                pending = new ChainSuspicion.CheckpointMismatch(head, lastEventId, lastHash, hashBefore);
            }
        }
    }
}

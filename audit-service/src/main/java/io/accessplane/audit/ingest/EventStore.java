package io.accessplane.audit.ingest;

import io.accessplane.audit.crypto.HashChain;
import io.accessplane.audit.crypto.JsonCanonicalizer;
import io.accessplane.platform.events.CloudEvent;
import io.accessplane.platform.events.EventData;
import io.accessplane.platform.events.Initiator;
import io.accessplane.platform.events.Target;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Appends events to the log inside the caller's transaction: each (source, id) once, in canonical
 * form, linked into its project's hash chain. The caller holds {@link LogLock} and commits.
 */
public final class EventStore {

    private static final String INSERT = "INSERT INTO audit_event (source, event_id, type, event_time, ingested_at, "
            + "project_id, subject, sequence, initiator_user_id, initiator_project_id, application_credential_id, "
            + "source_address, target_type, target_id, outcome, chain_index, chain_hash, canonical) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores the events not stored before and returns them, in order; duplicates (within the batch
     * or of earlier batches) are skipped. One query finds the duplicates and one batched insert
     * writes the rest, which is safe because the caller holds the log lock: nobody else inserts.
     */
    public List<StoredEvent> append(Connection c, List<CanonicalEvent> events, Instant now) throws SQLException {
        Set<String> known = alreadyStored(c, events);
        ChainHeads heads = new ChainHeads();
        List<StoredEvent> stored = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (CanonicalEvent ce : events) {
                CloudEvent e = ce.event();
                if (!known.add(key(e.source(), e.id()))) {
                    continue;
                }
                String project = e.partitionKey();
                ChainHeads.Head head = heads.of(c, project);
                long index = head.index() + 1;
                byte[] hash = HashChain.link(ce.canonical().getBytes(StandardCharsets.UTF_8), head.hash());
                String hex = HexFormat.of().formatHex(hash);
                bind(insert, e, ce.canonical(), now, index, hex);
                insert.addBatch();
                heads.advance(project, new ChainHeads.Head(index, hash));
                stored.add(new StoredEvent(e, project, index, hex));
            }
            if (!stored.isEmpty()) {
                insert.executeBatch();
            }
        }
        heads.write(c);
        return stored;
    }

    /** The (source, id) keys of the batch that the log already holds. */
    private static Set<String> alreadyStored(Connection c, List<CanonicalEvent> events) throws SQLException {
        Set<String> known = new HashSet<>();
        if (events.isEmpty()) {
            return known;
        }
        String[] ids = events.stream().map(ce -> ce.event().id()).distinct().toArray(String[]::new);
        try (PreparedStatement q = c.prepareStatement(
                "SELECT source, event_id FROM audit_event WHERE event_id = ANY (?)")) {
            q.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    known.add(key(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return known;
    }

    private static String key(String source, String id) {
        return source.length() + ":" + source + id;
    }

    private static void bind(PreparedStatement s, CloudEvent e, String canonical, Instant now, long index, String hash)
            throws SQLException {
        EventData d = e.data();
        Initiator i = d == null ? null : d.initiator();
        Target t = d == null ? null : d.target();
        s.setString(1, e.source());
        s.setString(2, e.id());
        s.setString(3, e.type());
        s.setTimestamp(4, Timestamp.from(e.time()));
        s.setTimestamp(5, Timestamp.from(now));
        s.setString(6, e.partitionKey());
        s.setString(7, e.subject());
        long sequence = CanonicalEvent.sequenceOf(e);
        if (sequence < 0) {
            s.setNull(8, Types.BIGINT);
        } else {
            s.setLong(8, sequence);
        }
        s.setString(9, i == null ? null : i.userId());
        s.setString(10, i == null ? null : i.projectId());
        s.setString(11, i == null ? null : i.applicationCredentialId());
        s.setString(12, i == null ? null : i.sourceAddress());
        s.setString(13, t == null ? null : t.type());
        s.setString(14, t == null ? null : t.id());
        s.setString(15, d == null || d.outcome() == null ? null : d.outcome().wireName());
        s.setLong(16, index);
        s.setString(17, hash);
        s.setString(18, canonical);
    }

    /** Canonical form of a decoded event (RFC 8785), the bytes its chain link hashes. */
    public static CanonicalEvent canonical(DecodedEvent decoded) {
        return new CanonicalEvent(decoded.event(), JsonCanonicalizer.canonicalString(decoded.json()));
    }
}

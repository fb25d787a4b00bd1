package io.accessplane.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessplane.audit.alerts.AlertMeters;
import io.accessplane.audit.alerts.AlertView;
import io.accessplane.audit.crypto.ChainAnchor;
import io.accessplane.audit.crypto.ChainProblem;
import io.accessplane.audit.crypto.ChainRecord;
import io.accessplane.audit.crypto.ChainReport;
import io.accessplane.audit.crypto.ChainVerifier;
import io.accessplane.audit.crypto.Checkpoint;
import io.accessplane.audit.crypto.CheckpointChainReport;
import io.accessplane.audit.crypto.CheckpointChainVerifier;
import io.accessplane.audit.crypto.CheckpointHead;
import io.accessplane.audit.crypto.CheckpointProblem;
import io.accessplane.audit.crypto.CheckpointSigner;
import io.accessplane.audit.crypto.JsonCanonicalizer;
import io.accessplane.audit.crypto.ProjectHead;
import io.accessplane.audit.crypto.SignedCheckpoint;
import io.accessplane.audit.crypto.SigningKey;
import io.accessplane.audit.crypto.TrustedCheckpointKeys;
import io.accessplane.audit.detectors.IntegrityAlerts;
import io.accessplane.audit.ingest.AlertWriter;
import io.accessplane.audit.ingest.LogLock;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signs checkpoints over every chain head and verifies a project's chain against its stored
 * records and the signed checkpoints. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class IntegrityService {

    private final AgroalDataSource dataSource;
    private final SigningKey key;
    private final TrustedCheckpointKeys trusted;
    private final CheckpointSigner signer;
    private final AlertWriter alerts = new AlertWriter();
    private final AlertMeters alertMeters;

    public IntegrityService(AgroalDataSource dataSource, SigningKey key, TrustedCheckpointKeys trusted,
            AlertMeters alertMeters) {
        this.trusted = trusted;
        this.dataSource = dataSource;
        this.key = key;
        this.alertMeters = alertMeters;
        this.signer = new CheckpointSigner(key);
    }

    /** The key that signs checkpoints, for publication. */
    public SigningKey key() {
        return key;
    }

    /** Signs a checkpoint over the current head of every chain, naming the previous checkpoint's signature. */
    public StoredCheckpoint checkpoint() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LogLock.take(c);
                List<ProjectHead> heads = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("SELECT project_id, last_index, last_hash FROM chain_head");
                        ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        heads.add(new ProjectHead(rs.getString(1), rs.getLong(2), rs.getString(3)));
                    }
                }
                String previous = null;
                try (PreparedStatement q = c.prepareStatement("SELECT signature FROM checkpoint ORDER BY seq DESC LIMIT 1");
                        ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getString(1);
                    }
                }
                Checkpoint body = new Checkpoint(UUID.randomUUID().toString(), Instant.now(), heads, previous,
                        key.fingerprint(), Checkpoint.ED25519);
                SignedCheckpoint signed = signer.sign(body);
                String text = new String(body.stringToSign(), StandardCharsets.UTF_8);
                long seq;
                try (PreparedStatement i = c.prepareStatement("INSERT INTO checkpoint (id, created_at, body, signature, "
                        + "previous_signature, key_fingerprint) VALUES (?::uuid, ?, ?, ?, ?, ?) RETURNING seq")) {
                    i.setString(1, body.id());
                    i.setTimestamp(2, Timestamp.from(body.createdAt()));
                    i.setString(3, text);
                    i.setString(4, signed.signature());
                    i.setString(5, previous);
                    i.setString(6, body.keyFingerprint());
                    try (ResultSet rs = i.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1);
                    }
                }
                c.commit();
                return new StoredCheckpoint(seq, signed, text);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Checkpoints oldest first after a sequence number, at most {@code limit}. */
    public List<StoredCheckpoint> checkpoints(long afterSeq, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT seq, body, signature FROM checkpoint WHERE seq > ? ORDER BY seq LIMIT ?")) {
            q.setLong(1, afterSeq);
            q.setInt(2, limit);
            List<StoredCheckpoint> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredCheckpoint(rs.getLong(1), new SignedCheckpoint(parse(rs.getString(2)),
                            rs.getString(3)), rs.getString(2)));
                }
            }
            return out;
        }
    }

    /** The projects that have a chain. */
    public List<String> projects() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT project_id FROM chain_head ORDER BY project_id");
                ResultSet rs = q.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Every stored checkpoint, oldest first, with the verdict on their signatures and links. */
    public record Checkpoints(List<SignedCheckpoint> signed, CheckpointChainReport report) {
    }

    /** Reads the checkpoints and checks their signature chain, once for any number of projects. */
    public Checkpoints readCheckpoints() throws SQLException {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        CheckpointProblem unreadable = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id::text, body, signature FROM checkpoint ORDER BY seq")) {
            q.setFetchSize(1000);
            c.setAutoCommit(false);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && unreadable == null) {
                    try {
                        checkpoints.add(new SignedCheckpoint(parse(rs.getString(2)), rs.getString(3)));
                    } catch (RuntimeException e) {
                        unreadable = new CheckpointProblem(CheckpointProblem.Kind.INVALID_SIGNATURE, rs.getString(1),
                                "the stored checkpoint no longer parses as a signed checkpoint");
                    }
                }
            }
            c.commit();
        }
        CheckpointChainReport signatures = new CheckpointChainVerifier(trusted.all())
                .verify(checkpoints);
        if (unreadable != null && signatures.intact()) {
            signatures = new CheckpointChainReport(false, checkpoints.size() + 1, unreadable);
        }
        return new Checkpoints(checkpoints, signatures);
    }

    /**
     * Recomputes a project's chain from its stored records, checks it against the checkpoints read
     * with {@link #readCheckpoints()}, and raises a D24 alert when either is broken.
     */
    public VerificationResult verify(String projectId, Checkpoints checkpointState) throws SQLException {
        List<SignedCheckpoint> checkpoints = checkpointState.signed();
        CheckpointChainReport signatures = checkpointState.report();
        List<CheckpointHead> heads = new ArrayList<>();
        for (SignedCheckpoint s : checkpoints) {
            s.body().headFor(projectId).ifPresent(heads::add);
        }
        ChainReport chain;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ChainVerifier verifier = new ChainVerifier(anchor(c, projectId), heads);
            try (PreparedStatement q = c.prepareStatement("SELECT chain_index, event_id, canonical, chain_hash, source, "
                    + "type, project_id FROM audit_event WHERE project_id = ? ORDER BY chain_index, position")) {
                q.setFetchSize(1000);
                q.setString(1, projectId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next() && !verifier.problemFound()) {
                        long index = rs.getLong(1);
                        String eventId = rs.getString(2);
                        String canonical = rs.getString(3);
                        String columns = columnMismatch(canonical, eventId, rs.getString(5), rs.getString(6),
                                rs.getString(7));
                        if (columns != null) {
                            c.commit();
                            return finish(projectId, ChainReport.broken(index,
                                    new ChainProblem(ChainProblem.Kind.ALTERED, index, eventId, columns)), signatures);
                        }
                        verifier.accept(new ChainRecord(index, eventId, canonical.getBytes(StandardCharsets.UTF_8),
                                rs.getString(4)));
                    }
                }
            }
            c.commit();
            chain = verifier.finish();
        }
        return finish(projectId, chain, signatures);
    }

    private VerificationResult finish(String projectId, ChainReport chain, CheckpointChainReport signatures)
            throws SQLException {
        VerificationResult result = new VerificationResult(projectId, chain, signatures, Instant.now());
        if (!result.intact()) {
            String detail = chain.firstProblem() != null
                    ? chain.firstProblem().kind() + " at index " + chain.firstProblem().index() + ": "
                            + chain.firstProblem().detail()
                    : signatures.firstProblem().kind() + " checkpoint " + signatures.firstProblem().checkpointId();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    LogLock.take(c);
                    List<AlertView> raised = alerts.write(c,
                            List.of(IntegrityAlerts.chainBroken(projectId, detail, result.verifiedAt())),
                            result.verifiedAt());
                    c.commit();
                    alertMeters.raised(raised);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
        return result;
    }

    private static ChainAnchor anchor(Connection c, String projectId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT last_index, last_hash FROM chain_anchor WHERE project_id = ?")) {
            q.setString(1, projectId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new ChainAnchor(rs.getLong(1), rs.getString(2)) : ChainAnchor.genesis();
            }
        }
    }

    /** Names a queried column that no longer matches the hashed record, or null when they agree. */
    private static String columnMismatch(String canonical, String eventId, String source, String type, String project) {
        JsonNode json;
        try {
            json = JsonCanonicalizer.parse(canonical);
        } catch (RuntimeException e) {
            return null;
        }
        Map<String, String> expected = Map.of("id", eventId, "source", source, "type", type);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!Objects.equals(json.path(e.getKey()).asText(null), e.getValue())) {
                return "column '" + e.getKey() + "' differs from the hashed record";
            }
        }
        String key = json.path("partitionkey").asText("-");
        if (!Objects.equals(key, project)) {
            return "column 'project_id' differs from the hashed record";
        }
        return null;
    }

    private static Checkpoint parse(String body) {
        JsonNode json = JsonCanonicalizer.parse(body);
        List<ProjectHead> heads = new ArrayList<>();
        for (JsonNode h : json.path("heads")) {
            heads.add(new ProjectHead(h.path("project_id").asText(), h.path("index").asLong(), h.path("hash").asText()));
        }
        JsonNode previous = json.get("previous_signature");
        return new Checkpoint(json.path("id").asText(), Instant.parse(json.path("created_at").asText()), heads,
                previous == null || previous.isNull() ? null : previous.asText(), json.path("key_fingerprint").asText(),
                json.path("algorithm").asText());
    }
}

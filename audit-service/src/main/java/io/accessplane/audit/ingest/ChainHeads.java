package io.accessplane.audit.ingest;

import io.accessplane.audit.crypto.HashChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The heads of the project chains touched by one ingest transaction: read on first use, advanced
 * in memory, written back before commit. Only the holder of the ingest lock uses it.
 */
final class ChainHeads {

    /** Index and hash of the last record of a chain. */
    record Head(long index, byte[] hash) {
    }

    private final Map<String, Head> heads = new HashMap<>();
    private final Map<String, Head> dirty = new HashMap<>();

    Head of(Connection c, String projectId) throws SQLException {
        Head h = heads.get(projectId);
        if (h != null) {
            return h;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT last_index, last_hash FROM chain_head WHERE project_id = ?")) {
            q.setString(1, projectId);
            try (ResultSet rs = q.executeQuery()) {
                h = rs.next() ? new Head(rs.getLong(1), HexFormat.of().parseHex(rs.getString(2)))
                        : new Head(0, HashChain.genesis());
            }
        }
        heads.put(projectId, h);
        return h;
    }

    void advance(String projectId, Head next) {
        heads.put(projectId, next);
        dirty.put(projectId, next);
    }

    void write(Connection c) throws SQLException {
        if (dirty.isEmpty()) {
            return;
        }
        try (PreparedStatement up = c.prepareStatement("INSERT INTO chain_head (project_id, last_index, last_hash) "
                + "VALUES (?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET last_index = EXCLUDED.last_index, "
                + "last_hash = EXCLUDED.last_hash")) {
            for (Map.Entry<String, Head> e : dirty.entrySet()) {
                up.setString(1, e.getKey());
                up.setLong(2, e.getValue().index());
                up.setString(3, HexFormat.of().formatHex(e.getValue().hash()));
                up.addBatch();
            }
            up.executeBatch();
        }
        dirty.clear();
    }
}

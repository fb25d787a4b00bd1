package io.accessplane.audit.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The transaction-scoped PostgreSQL advisory lock every writer of the log takes (ingest, checkpoint,
 * purge), so chain heads advance one writer at a time and positions commit in ascending order,
 * which lets live streams (which poll) resume from a position without missing a row.
 */
public final class LogLock {

    /** The advisory lock key ("AUDIT" in ASCII). */
    public static final long KEY = 0x4155444954L;

    private LogLock() {
    }

    /** Takes the lock for the rest of the connection's current transaction. */
    public static void take(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
        }
    }
}

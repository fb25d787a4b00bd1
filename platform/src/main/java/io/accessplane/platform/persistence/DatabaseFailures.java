package io.accessplane.platform.persistence;

import java.util.Set;

/**
 * Tells which database failures are the client's doing or a passing outage rather than a bug,
 * so each service's exception mapper can answer 400 or 503 in its own API's format instead of 500.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATEs PostgreSQL raises for text it cannot store: 22021 (a NUL byte, invalid UTF-8) and
     * 22P05 (a {@code \u0000} escape in jsonb).
     */
    static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private DatabaseFailures() {
    }

    /** True when PostgreSQL refused text of the request (a NUL character): a 400, nothing was stored. */
    public static boolean isUnstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null && UNSTORABLE_TEXT.contains(state)) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("invalid byte sequence for encoding \"UTF8\": 0x00")
                    || message.contains("unsupported Unicode escape sequence")) {
                return true;
            }
        }
        return false;
    }

    /** True when the database could not be reached or dropped the connection: a 503, retry later. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String n = t.getClass().getName();
            if (n.endsWith("ConnectException") || n.endsWith("ClosedConnectionException")
                    || n.contains("NoStackTraceThrowable") && String.valueOf(t.getMessage()).contains("connection")) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        if (t instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}

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

    /**
     * Messages of the reactive PostgreSQL client and Hibernate Reactive that say the connection, not
     * the statement, failed: the server closed it, never answered, or could not be reached.
     */
    static final java.util.List<String> CONNECTION_LOST = java.util.List.of(
            "HR000092", // Hibernate Reactive: unable to open a connection to the database
            "Failed to read any response from the server",
            "connection may have been lost",
            "Connection reset",
            "Connection refused",
            "Connection is closed",
            "Connection was closed",
            "Pending requests failed to be sent due to connection has been closed");

    /** True when the database could not be reached or dropped the connection: a 503, retry later. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.nio.channels.ClosedChannelException) {
                return true; // includes ConnectException and "Connection reset"
            }
            String n = t.getClass().getName();
            if (n.endsWith("ConnectException") || n.endsWith("ClosedConnectionException")
                    || n.endsWith("ConnectTimeoutException")) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (CONNECTION_LOST.stream().anyMatch(message::contains)) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"))) {
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

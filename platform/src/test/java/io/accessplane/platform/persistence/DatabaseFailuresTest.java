package io.accessplane.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures the services answer with 503 (the database is away) and which with 400 or 500. */
class DatabaseFailuresTest {

    /** Wraps a cause the way Hibernate Reactive and Mutiny do: two layers deep. */
    private static Throwable wrapped(Throwable cause) {
        return new RuntimeException("HR000001: outer", new IllegalStateException("inner", cause));
    }

    @Test
    void aConnectionResetWhileOpeningIsAnOutage() {
        // What a PostgreSQL restart produced under load: HR000092 caused by a reset socket.
        Throwable seen = new RuntimeException("HR000092: Unable to open a connection to the database",
                new SocketException("Connection reset"));
        assertTrue(DatabaseFailures.isUnavailable(seen));
        assertTrue(DatabaseFailures.isUnavailable(wrapped(new SocketException("Connection reset"))));
    }

    @Test
    void refusedAndClosedConnectionsAreOutages() {
        assertTrue(DatabaseFailures.isUnavailable(wrapped(new ConnectException("Connection refused"))));
        assertTrue(DatabaseFailures.isUnavailable(wrapped(new ClosedChannelException())));
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(
                "Failed to read any response from the server, the underlying connection may have been lost unexpectedly.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "08003", "57P01", "57P02", "57P03"})
    void connectionAndShutdownStatesAreOutages(String state) {
        assertTrue(DatabaseFailures.isUnavailable(wrapped(new PgException("terminating", "FATAL", state, null))));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("gone", state)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "22021", "40001", "42P01", "53300"})
    void statementFailuresAreNot(String state) {
        assertFalse(DatabaseFailures.isUnavailable(wrapped(new PgException("no", "ERROR", state, null))));
    }

    @Test
    void ordinaryBugsAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new NullPointerException()));
        assertFalse(DatabaseFailures.isUnavailable(wrapped(new IllegalArgumentException("bad index"))));
    }

    @Test
    void aNulCharacterIsTheClientsFault() {
        assertTrue(DatabaseFailures.isUnstorableText(wrapped(new PgException("invalid byte sequence", "ERROR", "22021", null))));
        assertFalse(DatabaseFailures.isUnstorableText(wrapped(new SocketException("Connection reset"))));
    }
}

package io.accessplane.audit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change feed against the real PostgreSQL: a committed NOTIFY wakes a wait, a rolled-back one does not. */
class LogChangeFeedTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/audit_test";
    static final String USER = "accessplane_test";

    LogChangeFeed feed;

    @BeforeEach
    void listen() throws Exception {
        feed = new LogChangeFeed(URL, Optional.of(USER), Optional.of(USER));
        feed.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!feed.isListening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(feed.isListening(), "the feed listens");
    }

    @AfterEach
    void stop() {
        feed.stop();
    }

    private static void notifyIn(boolean commit) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, USER)) {
            c.setAutoCommit(false);
            LogChangeFeed.notifyChanged(c);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void aCommittedNotificationWakesAWaitLongBeforeItsDeadline() throws Exception {
        long seen = feed.generation();
        var wait = feed.changeAfter(seen, Duration.ofMinutes(10)).subscribeAsCompletionStage();
        notifyIn(true);
        long now = wait.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertNotEquals(seen, now);
    }

    @Test
    void aRolledBackNotificationWakesNothingAndTheWaitEndsAtItsDeadline() throws Exception {
        // other writers of audit_test may notify too; only a quiet window proves anything, so retry a few times
        boolean quiet = false;
        for (int attempt = 0; attempt < 5 && !quiet; attempt++) {
            long seen = feed.generation();
            var wait = feed.changeAfter(seen, Duration.ofMillis(800)).subscribeAsCompletionStage();
            notifyIn(false);
            long now = wait.get(30, java.util.concurrent.TimeUnit.SECONDS);
            quiet = now == seen;
        }
        assertTrue(quiet, "a rolled-back NOTIFY is never delivered");
    }

    @Test
    void aWaitForAGenerationAlreadyPassedEndsAtOnce() throws Exception {
        long seen = feed.generation();
        notifyIn(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (feed.generation() == seen && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long now = feed.changeAfter(seen, Duration.ofMinutes(10)).subscribeAsCompletionStage()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(feed.generation() >= now);
        assertNotEquals(seen, now);
    }
}

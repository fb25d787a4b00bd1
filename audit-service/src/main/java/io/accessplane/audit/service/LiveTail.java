package io.accessplane.audit.service;

import io.accessplane.audit.repository.LogChangeFeed;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reading rhythm of one live stream: query again at once after a full chunk, otherwise wait
 * for the next change of the log (or the poll interval, whichever comes first). The generation is
 * read before each query, so a change committed while a query runs still wakes the next wait.
 */
final class LiveTail {

    private final LogChangeFeed changes;
    private final Duration poll;
    private final int chunk;
    private volatile long seen;
    private volatile boolean more = true;

    LiveTail(LogChangeFeed changes, Duration poll, int chunk) {
        this.changes = changes;
        this.poll = poll;
        this.chunk = chunk;
    }

    /** The next rows: {@code query} run right away or after the next change. */
    <T> Uni<List<T>> next(Supplier<Uni<List<T>>> query) {
        Uni<Long> ready = more ? Uni.createFrom().item(seen) : changes.changeAfter(seen, poll);
        return ready.chain(() -> {
            seen = changes.generation();
            return query.get();
        }).invoke(rows -> more = rows.size() >= chunk);
    }
}

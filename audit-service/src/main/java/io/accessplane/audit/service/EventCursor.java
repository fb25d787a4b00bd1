package io.accessplane.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the activity log ends: the (event time, position) of its last row. Pages are
 * read with a keyset on that pair, so they neither repeat nor skip rows that exist while a client
 * pages, however many are inserted meanwhile, and the total has no cap.
 */
public record EventCursor(long timeMicros, long position) {

    /** The opaque string form handed to clients. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((timeMicros + "." + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses a cursor; null when it is not one we made. */
    public static EventCursor decode(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            if (dot < 1) {
                return null;
            }
            long micros = Long.parseLong(plain.substring(0, dot));
            long position = Long.parseLong(plain.substring(dot + 1));
            return position < 0 ? null : new EventCursor(micros, position);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The cursor's time as an instant. */
    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(timeMicros, 1_000_000L), Math.floorMod(timeMicros, 1_000_000L) * 1000L);
    }

    /** Microseconds since the epoch of an instant (PostgreSQL's precision). */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
    }
}

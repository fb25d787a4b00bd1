package io.accessplane.audit.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps addresses to their network (ASN, country, location) by longest-prefix match, for the
 * ASN/country/impossible-travel detectors. Immutable once built.
 */
public final class NetworkTable {
    private final List<NetworkEntry> entries;
    private final PrefixIndex<NetworkEntry> index = new PrefixIndex<>();

    private NetworkTable(List<NetworkEntry> entries) {
        this.entries = List.copyOf(entries);
        for (NetworkEntry e : this.entries) {
            index.put(Cidr.parse(e.cidr()).orElseThrow(), e);
        }
    }

    /** A table that knows no network. */
    public static NetworkTable empty() {
        return new NetworkTable(List.of());
    }

    /** A table of the given entries (a later entry for the same prefix wins). */
    public static NetworkTable of(List<NetworkEntry> entries) {
        return new NetworkTable(entries);
    }

    /**
     * Parses one entry per line, {@code cidr,asn,country[,latitude,longitude]} (commas or
     * whitespace; an {@code AS} prefix on the number is accepted); blank lines and {@code #}
     * comments are skipped.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static NetworkTable parse(String text) {
        List<NetworkEntry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[,\\s]+");
            try {
                if (f.length != 3 && f.length != 5) {
                    throw new IllegalArgumentException("expected cidr,asn,country[,latitude,longitude]");
                }
                long asn = Long.parseLong(f[1].replaceFirst("(?i)^AS", ""));
                Double lat = f.length == 5 ? Double.valueOf(f[3]) : null;
                Double lon = f.length == 5 ? Double.valueOf(f[4]) : null;
                entries.add(new NetworkEntry(f[0], asn, f[2], lat, lon));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("network table line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new NetworkTable(entries);
    }

    /** The most specific entry containing the address literal; empty for unknown or unparseable addresses. */
    public Optional<NetworkEntry> lookup(String address) {
        return IpLiteral.parse(address).flatMap(index::longestMatch);
    }

    /** The entries, in the order given. */
    public List<NetworkEntry> entries() {
        return entries;
    }
}

package io.accessplane.audit.detectors;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Longest-prefix match over IPv4 and IPv6 prefixes: one hash map per family and prefix length,
 * probed from the longest length present down, so a look-up costs at most 33 or 129 probes.
 *
 * @param <V> what a prefix maps to
 */
final class PrefixIndex<V> {
    private final Map<Integer, TreeMap<Integer, Map<BigInteger, V>>> byFamily = new HashMap<>();

    /** Adds (or replaces) the value of a prefix. */
    void put(Cidr prefix, V value) {
        byFamily.computeIfAbsent(prefix.version(), v -> new TreeMap<>(Comparator.reverseOrder()))
                .computeIfAbsent(prefix.length(), l -> new HashMap<>())
                .put(new BigInteger(1, prefix.network()), value);
    }

    /** The value of the longest prefix containing the address. */
    Optional<V> longestMatch(InetAddress address) {
        byte[] bytes = address.getAddress();
        TreeMap<Integer, Map<BigInteger, V>> lengths = byFamily.get(bytes.length == 4 ? 4 : 6);
        if (lengths == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, Map<BigInteger, V>> e : lengths.entrySet()) {
            V v = e.getValue().get(new BigInteger(1, Cidr.mask(bytes, e.getKey())));
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether no prefix was added. */
    boolean isEmpty() {
        return byFamily.isEmpty();
    }
}

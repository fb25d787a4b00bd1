package io.accessplane.audit.detectors;

import java.util.Collection;
import java.util.Optional;

/** A set of addresses and prefixes (Tor exits, threat intelligence) that answers which entry an address falls in. */
final class AddressSet {
    private final PrefixIndex<String> index = new PrefixIndex<>();

    /** Builds the set; entries that are neither an address nor a prefix are ignored. */
    AddressSet(Collection<String> entries) {
        for (String entry : entries) {
            Cidr.parse(entry).ifPresent(c -> index.put(c, entry.trim()));
        }
    }

    /** The listed entry (as written) the address falls in, if any. */
    Optional<String> match(String address) {
        if (index.isEmpty()) {
            return Optional.empty();
        }
        return IpLiteral.parse(address).flatMap(index::longestMatch);
    }
}

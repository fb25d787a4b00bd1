package io.accessplane.audit.detectors;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of the network table: a prefix, the autonomous system announcing it, its country and,
 * optionally, where it is (for impossible-travel checks).
 *
 * @param cidr      {@code 203.0.113.0/24} or {@code 2001:db8::/32}
 * @param asn       autonomous system number
 * @param country   ISO 3166 alpha-2 code, upper case
 * @param latitude  degrees, or null when unknown
 * @param longitude degrees, or null when unknown
 */
public record NetworkEntry(String cidr, long asn, String country, Double latitude, Double longitude) {

    public NetworkEntry {
        Objects.requireNonNull(cidr, "cidr");
        if (Cidr.parse(cidr).isEmpty()) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        country = country == null || country.isBlank() ? "??" : country.trim().toUpperCase(Locale.ROOT);
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude come together: " + cidr);
        }
    }

    /** An entry without a location. */
    public NetworkEntry(String cidr, long asn, String country) {
        this(cidr, asn, country, null, null);
    }

    /** Whether latitude and longitude are known. */
    public boolean hasLocation() {
        return latitude != null;
    }
}

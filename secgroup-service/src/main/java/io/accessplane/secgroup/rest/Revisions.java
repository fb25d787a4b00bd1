package io.accessplane.secgroup.rest;

/** Reads Neutron's {@code If-Match: revision_number=N} header. */
public final class Revisions {

    private Revisions() {
    }

    /** The revision the write is constrained to, or null when there is no such header. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("revision_number=")) {
            throw NeutronException.badRequest("If-Match header without revision_number: " + h);
        }
        try {
            return Long.parseLong(h.substring("revision_number=".length()));
        } catch (NumberFormatException e) {
            throw NeutronException.badRequest("Could not parse revision number from " + h);
        }
    }
}

package io.accessplane.audit.detectors;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 prefix ({@code 10.0.0.0/8}, {@code ::/0}; a bare address is a full-length prefix). */
final class Cidr {
    private final byte[] network;
    private final int length;

    private Cidr(byte[] network, int length) {
        this.network = network;
        this.length = length;
    }

    /** Parses {@code address[/length]}; host bits are cleared, so {@code 1.2.3.4/0} is {@code 0.0.0.0/0}. */
    static Optional<Cidr> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        Optional<InetAddress> parsed = IpLiteral.parse(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get().getAddress();
        int max = bytes.length * 8;
        int length;
        if (slash < 0) {
            length = max;
        } else {
            String digits = s.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            length = Integer.parseInt(digits);
            if (length > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(mask(bytes, length), length));
    }

    /** The address with every bit past {@code length} cleared. */
    static byte[] mask(byte[] address, int length) {
        byte[] out = Arrays.copyOf(address, address.length);
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    /** Whether the address lies in this prefix (an IPv4 address never lies in an IPv6 prefix). */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, length), network);
    }

    /** The prefix length in bits. */
    int length() {
        return length;
    }

    /** 4 or 6. */
    int version() {
        return network.length == 4 ? 4 : 6;
    }

    /** The network bytes (a copy). */
    byte[] network() {
        return network.clone();
    }

    /** Whether this is {@code 0.0.0.0/0} or {@code ::/0}: every address. */
    boolean isWorld() {
        return length == 0;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + length;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

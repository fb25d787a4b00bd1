package io.accessplane.secgroup.rules;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address held as network-order bytes, parsed and printed like glibc's
 * {@code inet_pton}/{@code inet_ntop} (which netaddr, and so Neutron, use).
 *
 * <p>Parsing is literal-only: no host names, no zone ids, no BSD shorthand such as {@code 10.1}, no
 * leading zeros in IPv4 octets. IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) stay IPv6.
 */
public final class IpAddress {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 4 (IPv4) or 16 (IPv6) network-order bytes. */
    public static IpAddress fromBytes(byte[] bytes) {
        if (bytes == null || (bytes.length != 4 && bytes.length != 16)) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        return new IpAddress(bytes.clone());
    }

    /** Parses an IPv4 or IPv6 literal; throws IllegalArgumentException if it is neither. */
    public static IpAddress parse(String text) {
        IpAddress address = tryParse(text);
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return address;
    }

    /** Parses a literal of the given version (4 or 6), or returns null. */
    static IpAddress tryParse(String text, int version) {
        if (text == null) {
            return null;
        }
        byte[] b = version == 4 ? parseV4(text) : parseV6(text);
        return b == null ? null : new IpAddress(b);
    }

    /** Parses an IPv4 literal, else an IPv6 literal, or returns null. */
    static IpAddress tryParse(String text) {
        IpAddress v4 = tryParse(text, 4);
        return v4 != null ? v4 : tryParse(text, 6);
    }

    /** 4 or 6. */
    public int version() {
        return bytes.length == 4 ? 4 : 6;
    }

    /** 32 or 128. */
    public int bitLength() {
        return bytes.length * 8;
    }

    /** A copy of the network-order bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The address as an unsigned integer. */
    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    /** The same address as a {@link java.net.InetAddress} (an Inet6Address even when IPv4-mapped). */
    public InetAddress toInetAddress() {
        try {
            return bytes.length == 4
                    ? InetAddress.getByAddress(bytes)
                    : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a {@link java.net.InetAddress}'s bytes. */
    public static IpAddress of(InetAddress address) {
        return new IpAddress(address.getAddress());
    }

    /** True when both addresses have the same version and agree on their first {@code prefixLength} bits. */
    public boolean sharesPrefix(IpAddress other, int prefixLength) {
        if (other.bytes.length != bytes.length || prefixLength < 0 || prefixLength > bitLength()) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (bytes[i] != other.bytes[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (bytes[fullBytes] & mask) == (other.bytes[fullBytes] & mask);
    }

    /** This address with every bit after the first {@code prefixLength} cleared. */
    public IpAddress masked(int prefixLength) {
        byte[] out = bytes.clone();
        for (int bit = prefixLength; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpAddress(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** glibc {@code inet_ntop} text: dotted quad, or compressed lower-case IPv6. */
    @Override
    public String toString() {
        return bytes.length == 4 ? formatV4(bytes, 0) : formatV6(bytes);
    }

    // ---- parsing ---------------------------------------------------------------------------

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        return parseV4Into(s, out, 0) ? out : null;
    }

    /** glibc inet_pton4: exactly four decimal octets, each 0-255 without leading zeros. */
    private static boolean parseV4Into(String s, byte[] out, int offset) {
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (digits == 0 || octet == 4) {
                    return false;
                }
                out[offset + octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        return octet == 4;
    }

    /** glibc inet_pton6: up to eight 1-4 digit hex groups, one "::", optional trailing dotted quad. */
    private static byte[] parseV6(String s) {
        if (s.isEmpty()) {
            return null;
        }
        byte[] out = new byte[16];
        int pos = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith(":")) {
            if (!s.startsWith("::")) {
                return null;
            }
            i = 1;
        }
        int groupStart = i;
        int value = 0;
        int hexDigits = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int h = Character.digit(c, 16);
            if (h >= 0 && c < 128) {
                if (++hexDigits > 4) {
                    return null;
                }
                value = (value << 4) | h;
            } else if (c == ':') {
                if (hexDigits == 0) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = pos;
                } else {
                    if (i + 1 >= s.length() || pos + 2 > 16) {
                        return null;
                    }
                    out[pos++] = (byte) (value >> 8);
                    out[pos++] = (byte) value;
                    value = 0;
                    hexDigits = 0;
                }
                groupStart = i + 1;
            } else if (c == '.') {
                if (pos + 4 > 16 || !parseV4Into(s.substring(groupStart), out, pos)) {
                    return null;
                }
                pos += 4;
                hexDigits = 0;
                i = s.length();
                break;
            } else {
                return null;
            }
            i++;
        }
        if (hexDigits > 0) {
            if (pos + 2 > 16) {
                return null;
            }
            out[pos++] = (byte) (value >> 8);
            out[pos++] = (byte) value;
        }
        if (gap >= 0) {
            if (pos == 16) {
                return null;
            }
            int tail = pos - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            Arrays.fill(out, gap, 16 - tail, (byte) 0);
            pos = 16;
        }
        return pos == 16 ? out : null;
    }

    // ---- printing --------------------------------------------------------------------------

    private static String formatV4(byte[] b, int offset) {
        return (b[offset] & 0xFF) + "." + (b[offset + 1] & 0xFF) + "." + (b[offset + 2] & 0xFF) + "."
                + (b[offset + 3] & 0xFF);
    }

    private static String formatV6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && curLen > bestLen) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xFFFF))) {
                sb.append(formatV4(b, 12));
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}

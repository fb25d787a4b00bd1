package io.accessplane.secgroup.rules;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An address with a prefix length, parsed like netaddr's {@code IPNetwork(text)} and printed like
 * {@code str(IPNetwork)}: host bits are kept; {@link #network()} clears them.
 *
 * <p>Accepted forms: {@code addr}, {@code addr/len}, {@code addr/netmask} and {@code addr/hostmask}
 * (the mask in the address's own family). A missing length means a host prefix (/32 or /128).
 */
public record IpPrefix(IpAddress address, int prefixLength) {

    /** Checks that the length fits the address family. */
    public IpPrefix {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > address.bitLength()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
    }

    /** Parses {@code text} with netaddr's rules; throws IllegalArgumentException when netaddr would. */
    public static IpPrefix parse(String text) {
        IpPrefix prefix = tryParse(text);
        if (prefix == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP prefix");
        }
        return prefix;
    }

    /** Like {@link #parse} but returns null instead of throwing. */
    public static IpPrefix tryParse(String text) {
        if (text == null) {
            return null;
        }
        IpPrefix v4 = tryParse(text, 4);
        return v4 != null ? v4 : tryParse(text, 6);
    }

    private static IpPrefix tryParse(String text, int version) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        IpAddress address = IpAddress.tryParse(addressText, version);
        if (address == null) {
            return null;
        }
        if (slash < 0) {
            return new IpPrefix(address, address.bitLength());
        }
        String lengthText = text.substring(slash + 1);
        BigInteger length = DecimalText.parse(lengthText);
        if (length == null) {
            Integer fromMask = lengthFromMask(IpAddress.tryParse(lengthText, version));
            if (fromMask == null) {
                return null;
            }
            return new IpPrefix(address, fromMask);
        }
        if (length.signum() < 0 || length.compareTo(BigInteger.valueOf(address.bitLength())) > 0) {
            return null;
        }
        return new IpPrefix(address, length.intValue());
    }

    /** netaddr tries the mask as a netmask first, then as a hostmask. */
    private static Integer lengthFromMask(IpAddress mask) {
        if (mask == null) {
            return null;
        }
        int bits = mask.bitLength();
        BigInteger value = mask.toBigInteger();
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger inverted = value.xor(all);
        if (isPowerOfTwo(inverted.add(BigInteger.ONE))) {
            return bits - inverted.bitLength();
        }
        if (isPowerOfTwo(value.add(BigInteger.ONE))) {
            return bits - value.bitLength();
        }
        return null;
    }

    private static boolean isPowerOfTwo(BigInteger n) {
        return n.signum() > 0 && n.bitCount() == 1;
    }

    /** 4 or 6. */
    public int version() {
        return address.version();
    }

    /** The network form ({@code IPNetwork.cidr}): the same length with host bits cleared. */
    public IpPrefix network() {
        return new IpPrefix(address.masked(prefixLength), prefixLength);
    }

    /** True when {@code candidate} has this prefix's family and its first {@code prefixLength} bits. */
    public boolean contains(IpAddress candidate) {
        return candidate != null && address.sharesPrefix(candidate, prefixLength);
    }

    /** {@code address/length}, as netaddr prints it. */
    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}

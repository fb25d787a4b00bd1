package io.accessplane.keypair.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire encoding (RFC 4251 section 5) of a key blob, refusing anything truncated. */
final class SshWireReader {

    static final String MALFORMED = "The key data is malformed or truncated.";

    private final byte[] data;
    private int position;

    SshWireReader(byte[] data) {
        this.data = data;
    }

    /** Reads a uint32 length-prefixed byte string. */
    byte[] readString() {
        int length = readLength();
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    /** Reads a string and decodes it as ASCII text (names are ASCII in SSH); refuses other bytes. */
    String readAsciiString() {
        byte[] bytes = readString();
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                throw new KeyRejectedException(MALFORMED);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Reads a non-negative mpint; leading zero bytes are allowed, as OpenSSH allows them. */
    BigInteger readPositiveMpint() {
        byte[] bytes = readString();
        if (bytes.length > 0 && (bytes[0] & 0x80) != 0) {
            throw new KeyRejectedException(MALFORMED);
        }
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(1, bytes);
    }

    /** The number of bytes not read yet. */
    int remaining() {
        return data.length - position;
    }

    private int readLength() {
        if (remaining() < 4) {
            throw new KeyRejectedException(MALFORMED);
        }
        long length = ((data[position] & 0xffL) << 24) | ((data[position + 1] & 0xffL) << 16)
                | ((data[position + 2] & 0xffL) << 8) | (data[position + 3] & 0xffL);
        position += 4;
        if (length > remaining()) {
            throw new KeyRejectedException(MALFORMED);
        }
        return (int) length;
    }
}

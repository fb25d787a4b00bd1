package io.accessplane.keypair.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire encoding (RFC 4251 section 5). */
final class SshWireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** Writes a big-endian uint32. */
    SshWireWriter uint32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
        return this;
    }

    /** Writes a length-prefixed byte string. */
    SshWireWriter string(byte[] value) {
        uint32(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Writes a length-prefixed ASCII string. */
    SshWireWriter string(String value) {
        return string(value.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes a non-negative mpint in its minimal two's complement form. */
    SshWireWriter mpint(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative mpint");
        }
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    /** Writes bytes as they are, without a length. */
    SshWireWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** The bytes written so far. */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** The number of bytes written so far. */
    int size() {
        return out.size();
    }
}

package io.cellnet.relay;

import java.util.Arrays;
import java.util.Objects;

/**
 * The passthrough values a relay carries next to its message (Go's {@code relay.RelayACK} fields
 * {@code Int64}, {@code Int64Slice}, {@code Str} and {@code Bytes}); absent values are zero or
 * empty. A gateway typically puts a client's session id in {@link #int64()}.
 *
 * <p>Thread safety: immutable as long as nobody modifies the arrays it holds; it does not copy them.
 *
 * @param int64      Go's {@code Int64}
 * @param int64Slice Go's {@code Int64Slice}
 * @param str        Go's {@code Str}
 * @param bytes      Go's {@code Bytes}
 */
public record PassThrough(long int64, long[] int64Slice, String str, byte[] bytes) {
    /** No passthrough values. */
    public static final PassThrough NONE = new PassThrough(0, new long[0], "", new byte[0]);

    /** Checks the arguments. */
    public PassThrough {
        Objects.requireNonNull(int64Slice, "int64Slice");
        Objects.requireNonNull(str, "str");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Only {@code int64} (a session id, typically). */
    public static PassThrough ofInt64(long int64) {
        return new PassThrough(int64, NONE.int64Slice, "", NONE.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PassThrough p && p.int64 == int64 && Arrays.equals(p.int64Slice, int64Slice)
                && p.str.equals(str) && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(int64, Arrays.hashCode(int64Slice), str, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "PassThrough{Int64=" + int64 + ", Int64Slice=" + Arrays.toString(int64Slice) + ", Str=\"" + str
                + "\", Bytes=" + bytes.length + " bytes}";
    }
}

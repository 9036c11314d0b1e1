package io.cellnet;

import java.util.Objects;

/**
 * Pre-encoded bytes sent with an explicit message id, bypassing codecs (Go's
 * {@code cellnet.RawPacket}). The array is not copied: do not change it after sending.
 *
 * <p>Thread safety: immutable as long as the array is not modified.
 *
 * @param msgId   the 16-bit message id, 1..65535
 * @param msgData the encoded body
 */
public record RawPacket(int msgId, byte[] msgData) {

    /** Checks the arguments. */
    public RawPacket {
        if (msgId <= 0 || msgId > 0xFFFF) {
            throw new IllegalArgumentException("msgId must be within 1..65535: " + msgId);
        }
        Objects.requireNonNull(msgData, "msgData");
    }

    @Override
    public String toString() {
        return "RawPacket{msgId=" + msgId + ", " + msgData.length + " bytes}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPacket p && p.msgId == msgId && java.util.Arrays.equals(p.msgData, msgData);
    }

    @Override
    public int hashCode() {
        return msgId * 31 + java.util.Arrays.hashCode(msgData);
    }
}

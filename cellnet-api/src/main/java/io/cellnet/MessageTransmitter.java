package io.cellnet;

/**
 * Turns a transport's frames into messages and messages into frames (Go's
 * {@code cellnet.MessageTransmitter}). The framing is transport-specific, so this API only names
 * the transmitter; an implementation module gives it its working methods (cellnet-netty's
 * transmitters install channel handlers) and a peer accepts only transmitters it can drive.
 *
 * <p>Thread safety: implementations are immutable and shared by all sessions of a peer.
 */
public interface MessageTransmitter {

    /** The transmitter's name, for example {@code "tcp.ltv"}. */
    String name();
}

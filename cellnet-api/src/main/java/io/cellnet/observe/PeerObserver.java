package io.cellnet.observe;

/**
 * What a peer reports about its sessions and traffic. Methods are called on I/O threads and on the
 * threads that send, so they must be fast and must not block; every method has a no-op default.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface PeerObserver {
    /** Observes nothing. */
    PeerObserver NONE = new PeerObserver() {
        @Override
        public String toString() {
            return "PeerObserver.NONE";
        }
    };

    /** A session opened: accepted by an acceptor ({@code accepted}) or connected by a connector. */
    default void sessionOpened(boolean accepted) {
    }

    /**
     * A session closed, because of {@code kind}; {@code droppedMessages} messages
     * ({@code droppedBytes} bytes) it had accepted were never written.
     */
    default void sessionClosed(CloseKind kind, long droppedMessages, long droppedBytes) {
    }

    /** {@code bytes} bytes were read from the network. */
    default void bytesRead(long bytes) {
    }

    /** {@code bytes} bytes were written to the network. */
    default void bytesWritten(long bytes) {
    }

    /** A message of {@code type} was received and handed to the peer's hookers. */
    default void messageReceived(Class<?> type) {
    }

    /** A message of {@code type} was queued for sending ({@code SendResult.QUEUED}). */
    default void messageSent(Class<?> type) {
    }

    /** A send was refused with {@code result}, a {@code SendResult} other than {@code QUEUED}. */
    default void sendRefused(Enum<?> result) {
    }

    /** A connection was refused before it became a session, by {@code limit}. */
    default void connectionRefused(String limit) {
    }

    /** A frame was refused as malformed (the session closes with {@link CloseKind#BAD_INPUT}). */
    default void frameMalformed() {
    }

    /** A connector began an attempt to connect. */
    default void connectAttempt() {
    }

    /** A connector's attempt failed. */
    default void connectFailed() {
    }

    /** A connector connected again, {@code nanos} after its connection was lost or first failed. */
    default void reconnected(long nanos) {
    }

    /** The peer started (its connector, if it is one, begins connecting). */
    default void peerStarted() {
    }

    /** The peer stopped. */
    default void peerStopped() {
    }
}

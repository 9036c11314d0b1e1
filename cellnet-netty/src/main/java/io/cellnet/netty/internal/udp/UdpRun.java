package io.cellnet.netty.internal.udp;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * One run of a UDP peer, from start to stop: its socket, the socket's outbound path, whether the
 * stop was asked for, and the future completed once its sessions have posted {@code SessionClosed}.
 *
 * <p>Thread safety: the flag is volatile; the rest is immutable.
 */
final class UdpRun {
    final Channel channel;
    final DatagramWriter writer;
    final CompletableFuture<Void> sessionsClosed;
    volatile boolean stopRequested;

    UdpRun(Channel channel, CompletableFuture<Void> sessionsClosed) {
        this.channel = channel;
        this.writer = new DatagramWriter(channel);
        this.sessionsClosed = sessionsClosed;
    }
}

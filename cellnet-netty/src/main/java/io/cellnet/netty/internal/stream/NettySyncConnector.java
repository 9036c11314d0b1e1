package io.cellnet.netty.internal.stream;

import io.cellnet.netty.internal.TcpPeerConfig;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code tcp.SyncConnector}: {@link #start()} connects and returns when connected or failed (within
 * the connect timeout), as Go's does; it never reconnects. Called from one of its own I/O threads,
 * {@code start()} cannot wait and returns the pending future instead.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettySyncConnector extends NettyTcpConnector {
    private final Duration connectTimeout;

    public NettySyncConnector(TcpPeerConfig config, Duration connectTimeout, long idBase) {
        super(config, ReconnectPolicy.none(), DisconnectedSendPolicy.refuse(), connectTimeout, null, idBase, true);
        this.connectTimeout = connectTimeout;
    }

    @Override
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> started = super.start();
        if (onOwnEventLoop()) {
            return started;
        }
        try {
            started.get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported by the returned future and by SessionConnectError
        }
        return started;
    }
}

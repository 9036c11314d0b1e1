package io.cellnet.netty.internal.stream;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.internal.LoopThreads;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.PeerShell;
import io.cellnet.netty.internal.TcpOptions;
import io.cellnet.netty.internal.TcpPeerConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code tcp.SyncConnector}: a {@link NettyTcpConnector} that never reconnects, plus a blocking
 * start. {@link #start()} connects and returns when connected or failed (within the connect
 * timeout), as Go's does. Called from one of its own I/O threads, {@code start()} cannot wait and
 * returns the pending future instead; on a loop queue's thread it throws. Its sessions report this
 * peer as theirs.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettySyncConnector implements TcpConnector, DelegatingPeer, SocketOptionsView {
    private final NettyTcpConnector connector;
    private final Duration connectTimeout;

    /** A sync connector with {@code config}; of {@code options}, the reconnect and send policies are ignored. */
    public NettySyncConnector(TcpPeerConfig config, ConnectorOptions options) {
        this.connector = new NettyTcpConnector(config, options.forSync(), true, this);
        this.connectTimeout = options.connectTimeout();
    }

    /**
     * Connects, and waits (bounded by the connect timeout plus a second) for the outcome.
     *
     * @throws IllegalStateException on a loop queue's thread, which must not wait (nothing is started)
     */
    @Override
    public CompletableFuture<Void> start() {
        LoopThreads.refuseBlocking(connector.typeName() + " '" + connector.name() + "'.start()",
                "use TcpPeers.connector() and handle SessionConnected, or start it from another thread");
        CompletableFuture<Void> started = connector.start();
        if (connector.shell().onOwnEventLoop()) {
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

    @Override
    public PeerShell shell() {
        return connector.shell();
    }

    @Override
    public TcpOptions socketOptions() {
        return connector.socketOptions();
    }

    @Override
    public Session session() {
        return connector.session();
    }

    @Override
    public int port() {
        return connector.port();
    }

    @Override
    public boolean isReady() {
        return connector.isReady();
    }

    @Override
    public ReconnectPolicy reconnectPolicy() {
        return connector.reconnectPolicy();
    }

    @Override
    public DisconnectedSendPolicy disconnectedSendPolicy() {
        return connector.disconnectedSendPolicy();
    }

    @Override
    public String toString() {
        return connector.toString();
    }
}

package io.cellnet.netty;

import io.cellnet.CallbackExceptionHandler;
import io.cellnet.DefaultEventQueue;
import java.util.Objects;

/**
 * Entry point for the event queues that need Netty: {@link #loop(String)}, a queue whose thread is
 * an event loop on which its peers do their I/O (see {@link LoopEventQueue}, and the three kinds of
 * queue in {@code docs/queue.md}).
 *
 * <pre>{@code
 * LoopEventQueue game = NettyQueues.loop("game");
 * TcpAcceptor gate = TcpPeers.acceptor().address(":8801").queue(game).callback(this::onEvent).build();
 * TcpConnector db = TcpPeers.connector().address("10.0.0.2:8802").queue(game).callback(this::onEvent).build();
 * }</pre>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class NettyQueues {
    private NettyQueues() {
    }

    /**
     * A new loop queue named {@code name} (its thread's name), running at once, on the socket
     * transport cellnet uses (native epoll when available, NIO otherwise), whose task failures are
     * logged.
     */
    public static LoopEventQueue loop(String name) {
        return loop(name, DefaultEventQueue.LOGGING_HANDLER);
    }

    /** {@link #loop(String)} whose task failures go to {@code exceptionHandler}. */
    public static LoopEventQueue loop(String name, CallbackExceptionHandler exceptionHandler) {
        return new LoopEventQueue(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(exceptionHandler, "exceptionHandler"));
    }
}

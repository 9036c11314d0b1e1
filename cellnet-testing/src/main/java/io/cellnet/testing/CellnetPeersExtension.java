package io.cellnet.testing;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.HttpAcceptorBuilder;
import io.cellnet.netty.HttpConnectorBuilder;
import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.PeerBuilder;
import io.cellnet.netty.StreamPeerBuilder;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.UdpAcceptorBuilder;
import io.cellnet.netty.UdpConnectorBuilder;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.netty.http.HttpConnector;
import io.cellnet.netty.ws.WsOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that builds the peers and queues of one test, TCP, WebSocket and UDP on
 * {@code 127.0.0.1:0} or in memory, all with one registry and one accounting allocator, and checks
 * after each test that they left nothing behind: it stops every peer it built (the newest first),
 * closes every queue and resource it was given, then fails the test if a connection channel of
 * those peers is still open or if a buffer they allocated was never released.
 *
 * <pre>{@code
 * @RegisterExtension
 * final CellnetPeersExtension net = CellnetPeersExtension.create(registry);
 *
 * @Test
 * void echoes() {
 *     TcpAcceptor server = net.start(net.tcpAcceptor(new EchoHandler(), b -> b));
 *     RecordingEventCallback client = new RecordingEventCallback();
 *     TcpConnector c = net.start(net.tcpConnector(server.port(), client, b -> b.queue(net.queue("client"))));
 *     client.expect(SessionConnected.class);
 *     c.session().send(new Echo("hi"));
 *     assertEquals(new Echo("hi"), client.expect(Echo.class));
 * }
 * }</pre>
 *
 * <p>Every peer is built from its transport's builder set to a name ({@code "server"} or
 * {@code "client"}), a loopback address, the extension's {@link #registry()}, its
 * {@link #allocator()} and the given callback; the {@code more} argument then changes what the test
 * needs (a queue, a reconnect policy, limits, another address or name) before the peer is built,
 * unstarted. {@link #start} starts one with a bounded wait. The stream peers (TCP, WebSocket, in
 * memory) also get a pipeline configurer that records their connection channels
 * ({@link #channels()}); a test that sets its own {@code pipeline(..)} replaces it, and the channels
 * of that peer are then not checked. Peers built elsewhere (by name with
 * {@code Peers.newGenericPeer}) are stopped after the test once given to {@link #track}.
 *
 * <p>Lifecycle: register it with {@code @RegisterExtension} on an instance field (the usual way)
 * or a static one; either way everything is cleaned up after each test, and the extension is ready
 * for the next one. It can also be used without JUnit, in a try-with-resources block: {@link #close}
 * does the same cleanup and checks.
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (an optional dependency of
 * cellnet-testing) when registered as an extension.
 *
 * <p>Thread safety: the peer, queue and resource factories and the accessors may be called from any
 * thread; {@link #close} (and JUnit's {@link #afterEach}) must not run while a test still builds
 * peers.
 */
public final class CellnetPeersExtension implements AfterEachCallback, AutoCloseable {
    /** The host every network peer listens on or dials. */
    public static final String HOST = "127.0.0.1";
    /** The path of the WebSocket acceptors built here. */
    public static final String WS_PATH = "/ws";

    private static final AtomicInteger LOCAL_NAMES = new AtomicInteger();

    private final MessageRegistry registry;
    private final Duration timeout;
    private final UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(true);
    private final ChannelRecorder channels = new ChannelRecorder();
    private final List<Peer> peers = new ArrayList<>();
    private final List<EventQueue> queues = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** An extension whose checks after the test (channels closed, buffers released) wait at most {@code timeout}. */
    CellnetPeersExtension(MessageRegistry registry, Duration timeout) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** An extension whose peers use {@link MessageRegistry#global()}. */
    public static CellnetPeersExtension create() {
        return create(MessageRegistry.global());
    }

    /** An extension whose peers use {@code registry} (unless a test's {@code more} sets another). */
    public static CellnetPeersExtension create(MessageRegistry registry) {
        return new CellnetPeersExtension(registry, Waits.TIMEOUT);
    }

    /** The registry of every peer built here. */
    public MessageRegistry registry() {
        return registry;
    }

    /**
     * The accounting allocator of every peer built here ({@code ChannelOption.ALLOCATOR}), for a
     * peer or a buffer the test makes itself: every buffer allocated from it must be released by
     * the end of the test.
     */
    public ByteBufAllocator allocator() {
        return allocator;
    }

    /** The bytes of the {@link #allocator()}'s buffers not yet released. */
    public long usedMemory() {
        ByteBufAllocatorMetric m = allocator.metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }

    /** A started queue named {@code name}, closed after the test. */
    public EventQueue queue(String name) {
        EventQueue q = EventQueue.create(name).startLoop();
        synchronized (queues) {
            queues.add(q);
        }
        return q;
    }

    /** A {@code tcp.Acceptor} named {@code "server"} on {@code 127.0.0.1:0}, then {@code more}; not started. */
    public TcpAcceptor tcpAcceptor(EventCallback callback, UnaryOperator<TcpAcceptorBuilder> more) {
        return build(stream(TcpPeers.acceptor(), "server", HOST + ":0", callback), more, TcpAcceptorBuilder::build);
    }

    /** A {@code tcp.Connector} named {@code "client"} dialling {@code 127.0.0.1:port}, then {@code more}; not started. */
    public TcpConnector tcpConnector(int port, EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        return build(stream(TcpPeers.connector(), "client", HOST + ":" + port, callback), more,
                TcpConnectorBuilder::build);
    }

    /**
     * A {@code tcp.SyncConnector} (its {@code start()} waits for the connection) named
     * {@code "client"} dialling {@code 127.0.0.1:port}, then {@code more}; not started.
     */
    public TcpConnector tcpSyncConnector(int port, EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        return build(stream(TcpPeers.syncConnector(), "client", HOST + ":" + port, callback), more,
                TcpConnectorBuilder::build);
    }

    /**
     * A {@code gorillaws.Acceptor} with {@code options}, named {@code "server"}, on
     * {@code 127.0.0.1:0} and path {@value #WS_PATH}, then {@code more}; not started.
     */
    public TcpAcceptor wsAcceptor(EventCallback callback, WsOptions options, UnaryOperator<TcpAcceptorBuilder> more) {
        return build(stream(WsPeers.acceptor(options), "server", HOST + ":0" + WS_PATH, callback), more,
                TcpAcceptorBuilder::build);
    }

    /**
     * A {@code gorillaws.Connector} with {@code options}, named {@code "client"}, dialling
     * {@code url} ({@code ws://host:port/path} or {@code wss://...}), then {@code more}; not started.
     */
    public TcpConnector wsConnector(String url, EventCallback callback, WsOptions options,
            UnaryOperator<TcpConnectorBuilder> more) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(more, "more");
        return build(stream(WsPeers.connector(options), "client", url, callback), more, TcpConnectorBuilder::build);
    }

    /** The URL of a WebSocket acceptor built here: {@code ws://127.0.0.1:port/ws}. */
    public static String wsUrl(TcpAcceptor acceptor) {
        return "ws://" + HOST + ":" + acceptor.port() + WS_PATH;
    }

    /** A {@code udp.Acceptor} named {@code "server"} on {@code 127.0.0.1:0}, then {@code more}; not started. */
    public UdpAcceptor udpAcceptor(EventCallback callback, UnaryOperator<UdpAcceptorBuilder> more) {
        return build(peer(UdpPeers.acceptor(), "server", HOST + ":0", callback), more, UdpAcceptorBuilder::build);
    }

    /** A {@code udp.Connector} named {@code "client"} sending to {@code 127.0.0.1:port}, then {@code more}; not started. */
    public UdpConnector udpConnector(int port, EventCallback callback, UnaryOperator<UdpConnectorBuilder> more) {
        return build(peer(UdpPeers.connector(), "client", HOST + ":" + port, callback), more,
                UdpConnectorBuilder::build);
    }

    /**
     * A {@code local.Acceptor} (in memory) named {@code "server"} under an address unique in the
     * JVM, then {@code more}; not started. Its connectors dial its {@code address()}.
     */
    public TcpAcceptor localAcceptor(EventCallback callback, UnaryOperator<TcpAcceptorBuilder> more) {
        String address = "cellnet-test-" + LOCAL_NAMES.incrementAndGet();
        return build(stream(LocalPeers.acceptor(), "server", address, callback), more, TcpAcceptorBuilder::build);
    }

    /** A {@code local.Connector} named {@code "client"} dialling {@code address}, then {@code more}; not started. */
    public TcpConnector localConnector(String address, EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(more, "more");
        return build(stream(LocalPeers.connector(), "client", address, callback), more, TcpConnectorBuilder::build);
    }

    /** An {@code http.Acceptor} named {@code "server"} on {@code 127.0.0.1:0}, then {@code more}; not started. */
    public HttpAcceptor httpAcceptor(EventCallback callback, UnaryOperator<HttpAcceptorBuilder> more) {
        return build(peer(HttpPeers.acceptor(), "server", HOST + ":0", callback), more, HttpAcceptorBuilder::build);
    }

    /** An {@code http.Connector} named {@code "client"} for {@code 127.0.0.1:port}, then {@code more}; not started. */
    public HttpConnector httpConnector(int port, UnaryOperator<HttpConnectorBuilder> more) {
        return build(peer(HttpPeers.connector(), "client", HOST + ":" + port, EventCallback.NONE), more,
                HttpConnectorBuilder::build);
    }

    /** Stops {@code peer} (built elsewhere) after the test, with the peers built here. */
    public <P extends Peer> P track(P peer) {
        Objects.requireNonNull(peer, "peer");
        synchronized (peers) {
            peers.add(peer);
        }
        return peer;
    }

    /**
     * Starts {@code peer} and waits, bounded, for its start to complete.
     *
     * @return {@code peer}, started
     * @throws AssertionError when the start fails or does not complete within 10 s
     */
    public <P extends Peer> P start(P peer) {
        Waits.await(peer.start(), "start " + peer);
        return peer;
    }

    /**
     * Closes {@code resource} (a raw socket, a client of the test's own) after the test, after the
     * peers have stopped; resources close the newest first.
     */
    public <C extends AutoCloseable> C closeAfterTest(C resource) {
        Objects.requireNonNull(resource, "resource");
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    /**
     * A loopback port held for the test (see {@link ReservedPort}): nobody listens on it, nothing
     * else takes it, and an acceptor can listen there, stop and listen again on the same port, for
     * a server that comes up late or restarts. Freed after the test.
     */
    public ReservedPort reservedPort() {
        return closeAfterTest(ReservedPort.reserve());
    }

    /** The connection channels the stream peers built here have made so far, in order. */
    public List<Channel> channels() {
        return channels.recorded();
    }

    /**
     * Waits, bounded, until every connection channel of the stream peers built here is closed.
     *
     * @throws AssertionError naming the channels still open after 10 s
     */
    public void awaitChannelsClosed() {
        channels.awaitAllClosed(timeout);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        close();
    }

    /**
     * Stops every peer (the newest first), closes every queue and resource, then checks that every
     * connection channel is closed and every buffer of the allocator released, and forgets them
     * all, ready for the next test.
     *
     * @throws AssertionError for the first thing that failed, with the others suppressed
     */
    @Override
    public void close() {
        Failures failures = new Failures();
        for (Peer p : reversed(peers)) {
            failures.run(() -> Waits.await(p.stop(), "stop " + p));
        }
        for (EventQueue q : reversed(queues)) {
            failures.run(q::close);
        }
        for (AutoCloseable r : reversed(resources)) {
            failures.run(r::close);
        }
        failures.run(this::awaitChannelsClosed);
        failures.run(() -> Waits.until(() -> usedMemory() == 0, timeout,
                () -> usedMemory() + " bytes of buffers not released after the test: a buffer leaked"));
        channels.clear();
        failures.rethrow();
    }

    @Override
    public String toString() {
        synchronized (peers) {
            return "CellnetPeersExtension(" + peers + ")";
        }
    }

    private <B extends StreamPeerBuilder<B>> B stream(B builder, String name, String address, EventCallback callback) {
        B b = peer(builder, name, address, callback).pipeline(channels);
        if (b instanceof TcpAcceptorBuilder acceptor) {
            acceptor.childOption(ChannelOption.ALLOCATOR, allocator);   // the sessions' buffers, counted
        }
        return b;
    }

    private <B extends PeerBuilder<B>> B peer(B builder, String name, String address, EventCallback callback) {
        return builder.name(name).address(address).registry(registry)
                .option(ChannelOption.ALLOCATOR, allocator).callback(callback);
    }

    private <B, P extends Peer> P build(B preset, UnaryOperator<B> more, Function<B, P> build) {
        return track(build.apply(more.apply(preset)));
    }

    /** Takes every element out of {@code list}, newest first. */
    private static <T> List<T> reversed(List<T> list) {
        synchronized (list) {
            List<T> taken = new ArrayList<>(list);
            list.clear();
            Collections.reverse(taken);
            return taken;
        }
    }

    /** The failures of a cleanup: the first is thrown, the others are suppressed by it. */
    private static final class Failures {
        private @Nullable Throwable first;

        void run(ThrowingAction action) {
            try {
                action.run();
            } catch (Throwable t) {
                if (first == null) {
                    first = t;
                } else {
                    first.addSuppressed(t);
                }
            }
        }

        void rethrow() {
            Throwable t = first;
            if (t instanceof Error e) {
                throw e;
            }
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t != null) {
                throw new AssertionError("cleanup after the test failed: " + t, t);
            }
        }
    }

    /** A cleanup step that may throw a checked exception (an {@link AutoCloseable}'s close). */
    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}

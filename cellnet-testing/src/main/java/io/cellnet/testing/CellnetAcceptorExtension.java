package io.cellnet.testing;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs a cellnet acceptor for a test class: TCP on {@code 127.0.0.1:0}
 * ({@link #tcp()}) or in memory ({@link #local()}). It records every event the acceptor delivers
 * ({@link #events()}), tells where it listens ({@link #address()}), and builds connectors to it
 * ({@link #connector}) that it stops after each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CellnetAcceptorExtension server = CellnetAcceptorExtension.tcp()
 *     .registry(registry)
 *     .callback(new EchoHandler())
 *     .build();
 *
 * @Test
 * void echoes() {
 *     RecordingEventCallback client = new RecordingEventCallback();
 *     TcpConnector c = server.connector(client);
 *     client.expect(SessionConnected.class);
 *     c.session().send(new Echo("hi"));
 *     assertEquals(new Echo("hi"), client.expect(Echo.class));
 *     server.events().expect(SessionAccepted.class);
 * }
 * }</pre>
 *
 * <p>Lifecycle: registered on a {@code static} field, the acceptor starts before the first test
 * of the class and stops after the last; registered on an instance field, or built with
 * {@link Builder#perTest()}, it starts before each test and stops after it. After each test the
 * extension stops the connectors it made, closes the sessions left on the acceptor, waits
 * (bounded) until their {@code SessionClosed} events have been handled, and clears
 * {@link #events()}, so every test starts with no session and no event; an acceptor that a test
 * stopped is started again before the next test. A TCP acceptor on port 0 gets a new port when a
 * test restarts it; {@link Builder#fixedPort()} keeps one port for its whole life. (With a per-class
 * acceptor, a connection that the acceptor had not yet accepted when the test ended can still
 * deliver its events in the next test; a test that leaves connections half made, or that needs a
 * fresh acceptor, uses {@link Builder#perTest()}.)
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (an optional dependency of
 * cellnet-netty).
 *
 * <p>Thread safety: the accessors may be called from any thread; JUnit calls the callbacks on the
 * test thread.
 */
public final class CellnetAcceptorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final AtomicInteger LOCAL_NAMES = new AtomicInteger();

    private final Builder config;
    private final RecordingEventCallback events = new RecordingEventCallback();
    private final OpenSessions openSessions = new OpenSessions();
    private final List<TcpConnector> connectors = new ArrayList<>();
    private volatile @Nullable TcpAcceptor acceptor;
    private @Nullable ReservedPort reservedPort;
    private volatile @Nullable String localName;
    private @Nullable EventQueue ownQueue;
    private boolean startedForTest;

    private CellnetAcceptorExtension(Builder config) {
        this.config = config;
    }

    /** A builder for a {@code tcp.Acceptor} on {@code 127.0.0.1:0}. */
    public static Builder tcp() {
        return new Builder(false, null);
    }

    /** A builder for a {@code local.Acceptor} under a name unique in the JVM. */
    public static Builder local() {
        return new Builder(true, null);
    }

    /** A builder for a {@code local.Acceptor} named {@code name}. */
    public static Builder local(String name) {
        return new Builder(true, Objects.requireNonNull(name, "name"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!config.perTest) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TcpAcceptor a = acceptor;
        if (a == null) {
            start(context);
            startedForTest = true;
        } else if (!a.isRunning()) {
            Waits.await(a.start(), "restart the acceptor a test left stopped");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            stopConnectors();
        } finally {
            if (startedForTest) {
                startedForTest = false;
                stop();
            } else if (acceptor != null) {
                closeSessionsLeftByTheTest();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The running acceptor. */
    public TcpAcceptor acceptor() {
        TcpAcceptor a = acceptor;
        if (a == null) {
            throw new IllegalStateException("the acceptor is not running: register the extension with"
                    + " @RegisterExtension and use it from a test");
        }
        return a;
    }

    /** Where connectors reach the acceptor: {@code "127.0.0.1:41234"} or {@code "local://name"}. */
    public String address() {
        String address = acceptor().as(NettyTcpAcceptor.class).boundAddress();
        if (address == null) {
            throw new IllegalStateException("the acceptor is not listening");
        }
        return address;
    }

    /** The bound TCP port; 0 for an in-memory acceptor. */
    public int port() {
        return acceptor().port();
    }

    /** Every event the acceptor's callback received during the current test, in order. */
    public RecordingEventCallback events() {
        return events;
    }

    /** The registry of the acceptor and of the connectors made here. */
    public MessageRegistry registry() {
        return config.registry;
    }

    /** A started connector to the acceptor, delivering to {@code callback}; stopped after the test. */
    public TcpConnector connector(EventCallback callback) {
        return connector(callback, b -> b);
    }

    /**
     * A started connector to the acceptor, with this extension's registry and {@code callback},
     * then whatever {@code more} sets (a queue, a reconnect policy, a bundle); stopped after the
     * test. Its start is a started connection attempt: expect {@code SessionConnected} on
     * {@code callback} before sending.
     */
    public TcpConnector connector(EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        TcpConnectorBuilder b = (config.local ? LocalPeers.connector() : TcpPeers.connector())
                .name("test-client").address(address()).registry(config.registry).callback(callback);
        TcpConnector c = more.apply(b).build();
        synchronized (connectors) {
            connectors.add(c);
        }
        Waits.await(c.start(), "start the connector");
        return c;
    }

    private void start(ExtensionContext context) {
        EventQueue queue = config.queue;
        if (config.queueName != null) {
            queue = EventQueue.create(config.queueName).startLoop();
            ownQueue = queue;
        }
        EventCallback user = config.callback;
        EventCallback recorded = ev -> {
            try {
                events.onEvent(ev);
                user.onEvent(ev);
            } finally {
                openSessions.seen(ev.message());
            }
        };
        TcpAcceptorBuilder b;
        if (config.local) {
            b = LocalPeers.acceptor().address(localName(context));
        } else if (config.fixedPort) {
            ReservedPort port = ReservedPort.reserve();
            reservedPort = port;
            b = TcpPeers.acceptor().address(port.address());
        } else {
            b = TcpPeers.acceptor().address("127.0.0.1:0");
        }
        b.name("test-server").registry(config.registry).queue(queue).callback(recorded);
        TcpAcceptor a = config.acceptorSettings.apply(b).build();
        Waits.await(a.start(), "start the acceptor");
        acceptor = a;
    }

    private String localName(ExtensionContext context) {
        String name = config.localName != null ? config.localName
                : context.getRequiredTestClass().getSimpleName() + "-" + LOCAL_NAMES.incrementAndGet();
        localName = name;
        return name;
    }

    private void closeSessionsLeftByTheTest() {
        TcpAcceptor a = acceptor();
        a.closeAllSessions();
        openSessions.awaitNone(a::sessionCount, Waits.TIMEOUT);
        // The acceptor forgets a session once its SessionClosed is posted, which can be before the
        // queue has handled its SessionAccepted: then neither count sees it. A task posted now runs
        // after both (the queue is FIFO), so nothing of this test reaches the next one's events.
        EventQueue q = ownQueue;
        if (q != null) {
            CompletableFuture<Void> delivered = new CompletableFuture<>();
            if (q.post(() -> delivered.complete(null))) {
                Waits.await(delivered, "the acceptor's queue to deliver the events of the closed sessions");
                openSessions.awaitNone(a::sessionCount, Waits.TIMEOUT);
            }
        }
        events.drain();
    }

    private void stopConnectors() {
        List<TcpConnector> made;
        synchronized (connectors) {
            made = new ArrayList<>(connectors);
            connectors.clear();
        }
        for (int i = made.size() - 1; i >= 0; i--) {
            Waits.await(made.get(i).stop(), "stop a connector");
        }
    }

    private void stop() {
        TcpAcceptor a = acceptor;
        acceptor = null;
        try {
            if (a != null) {
                Waits.await(a.stop(), "stop the acceptor");
            }
        } finally {
            EventQueue q = ownQueue;
            ownQueue = null;
            if (q != null) {
                q.close();
            }
            ReservedPort port = reservedPort;
            reservedPort = null;
            if (port != null) {
                port.close();
            }
            openSessions.reset();
            events.drain();
        }
    }

    @Override
    public String toString() {
        Peer a = acceptor;
        return "CellnetAcceptorExtension(" + (config.local ? "local " + localName : "tcp") + ", " + a + ")";
    }

    /**
     * Configures a {@link CellnetAcceptorExtension}.
     *
     * <p>Thread safety: not thread-safe; use from one thread (usually a static initializer).
     */
    public static final class Builder {
        private final boolean local;
        private final @Nullable String localName;
        private MessageRegistry registry = MessageRegistry.global();
        private EventCallback callback = EventCallback.NONE;
        private EventQueue queue = EventQueue.direct();
        private @Nullable String queueName;
        private UnaryOperator<TcpAcceptorBuilder> acceptorSettings = b -> b;
        private boolean perTest;
        private boolean fixedPort;

        private Builder(boolean local, @Nullable String localName) {
            this.local = local;
            this.localName = localName;
        }

        /** The registry of the acceptor and of its connectors; {@link MessageRegistry#global()} by default. */
        public Builder registry(MessageRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The handler under test; it runs after the event is recorded. None by default. */
        public Builder callback(EventCallback callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** A queue the caller owns (the extension does not stop it); {@link EventQueue#direct()} by default. */
        public Builder queue(EventQueue queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            this.queueName = null;
            return this;
        }

        /** A new queue thread named {@code name} for each start of the acceptor, stopped with it. */
        public Builder queue(String name) {
            this.queueName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Further acceptor settings (max packet size, idle timeouts, hookers, channel options). */
        public Builder acceptor(UnaryOperator<TcpAcceptorBuilder> settings) {
            this.acceptorSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Starts and stops the acceptor around each test, even when registered on a static field. */
        public Builder perTest() {
            this.perTest = true;
            return this;
        }

        /**
         * Listens on a port reserved for the extension's acceptor (a {@link ReservedPort}, held until
         * the acceptor stops for good) instead of port 0, so that a test can stop the acceptor and
         * start it again on the same port, and connectors with a reconnect policy find it there:
         * {@code server.acceptor().stop().join(); ... server.acceptor().start().join();}. TCP only
         * (an in-memory acceptor keeps its name across restarts anyway).
         */
        public Builder fixedPort() {
            this.fixedPort = true;
            return this;
        }

        /**
         * The extension, to be stored in a {@code @RegisterExtension} field.
         *
         * @throws IllegalStateException for {@link #fixedPort()} on an in-memory acceptor
         */
        public CellnetAcceptorExtension build() {
            if (fixedPort && local) {
                throw new IllegalStateException("fixedPort() is for TCP acceptors: an in-memory acceptor keeps its"
                        + " address across restarts anyway");
            }
            return new CellnetAcceptorExtension(this);
        }
    }
}

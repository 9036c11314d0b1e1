package io.cellnet.metrics.internal;

import io.cellnet.observe.CloseKind;
import io.cellnet.observe.PeerObserver;
import io.cellnet.observe.PeerTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The meters of the peers with one set of tags (peer, type, transport): every peer so tagged
 * shares them. Connector meters are registered for connectors only.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class PeerMeters implements PeerObserver {
    /** {@code cellnet.connector.state}: stopped. */
    public static final int STOPPED = 0;
    /** {@code cellnet.connector.state}: connecting (or reconnecting). */
    public static final int CONNECTING = 1;
    /** {@code cellnet.connector.state}: connected. */
    public static final int CONNECTED = 2;

    private final MeterRegistry registry;
    private final Tags tags;
    private final boolean connector;
    private final AtomicLong active = new AtomicLong();
    private final AtomicInteger state = new AtomicInteger(STOPPED);
    private final Counter accepted;
    private final Counter connected;
    private final Map<CloseKind, Counter> closed = new EnumMap<>(CloseKind.class);
    private final Counter bytesRead;
    private final Counter bytesWritten;
    private final Counter droppedMessages;
    private final Counter droppedBytes;
    private final Counter malformed;
    private final Counter received;
    private final Counter sent;
    private final Map<Class<?>, Counter> receivedByType;
    private final Map<Class<?>, Counter> sentByType;
    private final Map<Enum<?>, Counter> sendResults = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final @Nullable Counter attempts;
    private final @Nullable Counter failures;
    private final @Nullable Counter reconnects;
    private final @Nullable Timer reconnectTime;

    /** Registers the meters of the peers tagged {@code peer} in {@code registry}. */
    public PeerMeters(MeterRegistry registry, PeerTags peer, MessageTypes types) {
        this.registry = registry;
        this.tags = Tags.of("peer", peer.name(), "type", peer.type(), "transport", peer.transport());
        this.connector = peer.type().contains("connector");
        Gauge.builder("cellnet.sessions.active", active, AtomicLong::get).tags(tags)
                .description("open sessions").register(registry);
        accepted = counter("cellnet.sessions.opened", "sessions opened", "kind", "accepted");
        connected = counter("cellnet.sessions.opened", "sessions opened", "kind", "connected");
        for (CloseKind k : CloseKind.values()) {
            closed.put(k, counter("cellnet.sessions.closed", "sessions closed, by reason", "reason", k.tag()));
        }
        // no base unit: Prometheus would append it (cellnet_bytes_read_bytes_total); the names say it
        bytesRead = counter("cellnet.bytes.read", "bytes read from the network");
        bytesWritten = counter("cellnet.bytes.written", "bytes written to the network");
        droppedMessages = counter("cellnet.messages.dropped", "messages queued but dropped when their connection closed");
        droppedBytes = counter("cellnet.bytes.dropped",
                "bytes of the messages queued but dropped when their connection closed");
        malformed = counter("cellnet.frames.malformed", "frames refused as malformed");
        received = counter("cellnet.messages.received", "messages received", "message", MessageTypes.OTHER);
        sent = counter("cellnet.messages.sent", "messages queued for sending", "message", MessageTypes.OTHER);
        receivedByType = types.each(t -> counter("cellnet.messages.received", "messages received", "message", t));
        sentByType = types.each(t -> counter("cellnet.messages.sent", "messages queued for sending", "message", t));
        if (connector) {
            attempts = counter("cellnet.connector.attempts", "connect attempts");
            failures = counter("cellnet.connector.failures", "failed connect attempts");
            reconnects = counter("cellnet.connector.reconnects", "connections made again after a loss or failure");
            reconnectTime = Timer.builder("cellnet.connector.reconnect.time").tags(tags)
                    .description("time from a lost connection or failed first attempt to the next connection")
                    .register(registry);
            Gauge.builder("cellnet.connector.state", state, AtomicInteger::get).tags(tags)
                    .description("0 stopped, 1 connecting, 2 connected").register(registry);
        } else {
            attempts = null;
            failures = null;
            reconnects = null;
            reconnectTime = null;
        }
    }

    private Counter counter(String name, String description, String... extraTags) {
        return Counter.builder(name).tags(tags).tags(extraTags).description(description).register(registry);
    }

    @Override
    public void sessionOpened(boolean acceptedSession) {
        active.incrementAndGet();
        (acceptedSession ? accepted : connected).increment();
        if (connector) {
            state.set(CONNECTED);
        }
    }

    @Override
    public void sessionClosed(CloseKind kind, long messages, long bytes) {
        active.decrementAndGet();
        closed.get(kind).increment();
        if (messages > 0) {
            droppedMessages.increment(messages);
            droppedBytes.increment(bytes);
        }
        if (connector) {
            state.compareAndSet(CONNECTED, CONNECTING);
        }
    }

    @Override
    public void bytesRead(long bytes) {
        bytesRead.increment(bytes);
    }

    @Override
    public void bytesWritten(long bytes) {
        bytesWritten.increment(bytes);
    }

    @Override
    public void messageReceived(Class<?> type) {
        receivedByType.getOrDefault(type, received).increment();
    }

    @Override
    public void messageSent(Class<?> type) {
        sentByType.getOrDefault(type, sent).increment();
    }

    @Override
    public void sendRefused(Enum<?> result) {
        sendResults.computeIfAbsent(result, r -> counter("cellnet.send.results", "sends not queued, by result",
                "result", r.name().toLowerCase(Locale.ROOT))).increment();
    }

    @Override
    public void connectionRefused(String limit) {
        refused.computeIfAbsent(limit, l -> counter("cellnet.connections.refused",
                "connections refused by a limit", "limit", l)).increment();
    }

    @Override
    public void frameMalformed() {
        malformed.increment();
    }

    @Override
    public void connectAttempt() {
        if (attempts != null) {
            attempts.increment();
            state.compareAndSet(STOPPED, CONNECTING);
        }
    }

    @Override
    public void connectFailed() {
        if (failures != null) {
            failures.increment();
        }
    }

    @Override
    public void reconnected(long nanos) {
        if (reconnects != null && reconnectTime != null) {
            reconnects.increment();
            reconnectTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void peerStarted() {
        if (connector) {
            state.set(CONNECTING);
        }
    }

    @Override
    public void peerStopped() {
        if (connector) {
            state.set(STOPPED);
        }
    }
}

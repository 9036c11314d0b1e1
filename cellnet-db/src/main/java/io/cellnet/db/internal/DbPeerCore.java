package io.cellnet.db.internal;

import io.cellnet.CloseReason;
import io.cellnet.ContextSet;
import io.cellnet.EventQueue;
import io.cellnet.Peer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.ReconnectPolicy;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.db.DbCallback;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every database peer is made of: its type name, properties, processor bundle and context; its
 * lifecycle (start and stop around the peer's own connect and disconnect steps); its connection
 * events ({@link SessionConnected}, {@link SessionClosed}, {@link SessionConnectError}) through the
 * bundle's hooker and callback; and the delivery of each call's result to its callback on the
 * peer's queue.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class DbPeerCore implements ContextSet.Forwarding {
    private static final Logger LOG = LoggerFactory.getLogger(DbPeerCore.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String typeName;
    private final PeerProperty property;
    private final ProcessorBundle bundle;
    private final ContextSet context = ContextSet.create();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<@Nullable DbSession> current = new AtomicReference<>();
    private @Nullable Peer owner;
    private PeerState state = PeerState.STOPPED;
    private CompletableFuture<Void> startFuture = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> stopFuture = CompletableFuture.completedFuture(null);

    /** A stopped core; {@link #bind} it to its peer before use. */
    public DbPeerCore(String typeName, PeerProperty property, ProcessorBundle bundle) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.property = Objects.requireNonNull(property, "property");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** Binds the peer that owns this core (the events' sessions name it). */
    public void bind(Peer peer) {
        this.owner = peer;
    }

    /** The peer's type name. */
    public String typeName() {
        return typeName;
    }

    /** Name, address and queue. */
    public PeerProperty property() {
        return property;
    }

    /** The bundle whose hooker and callback get the connection events. */
    public ProcessorBundle bundle() {
        return bundle;
    }

    @Override
    public ContextSet context() {
        return context;
    }

    /** The current state. */
    public synchronized PeerState state() {
        return state;
    }

    /**
     * Starts: runs {@code connect} (which completes when the peer runs, its first connection
     * attempt under way) unless already starting or running; after a stop in progress, once it
     * ends.
     */
    public CompletableFuture<Void> start(Supplier<CompletableFuture<Void>> connect) {
        CompletableFuture<Void> started;
        synchronized (this) {
            if (state == PeerState.STARTING || state == PeerState.RUNNING) {
                return startFuture;
            }
            if (state == PeerState.STOPPING) {
                return stopFuture.thenCompose(v -> start(connect));
            }
            state = PeerState.STARTING;
            started = new CompletableFuture<>();
            startFuture = started;
        }
        CompletableFuture<Void> body;
        try {
            body = connect.get();
        } catch (RuntimeException e) {
            body = CompletableFuture.failedFuture(e);
        }
        body.whenComplete((v, e) -> {
            synchronized (this) {
                if (state == PeerState.STARTING) {
                    state = e == null ? PeerState.RUNNING : PeerState.STOPPED;
                }
            }
            if (e == null) {
                started.complete(null);
            } else {
                started.completeExceptionally(unwrap(e));
            }
        });
        return started;
    }

    /**
     * Stops: after the start in progress, runs {@code disconnect}, then posts the current session's
     * {@link SessionClosed} ({@link CloseReason#MANUAL}) and completes.
     */
    public CompletableFuture<Void> stop(Supplier<CompletableFuture<Void>> disconnect) {
        CompletableFuture<Void> stopped;
        CompletableFuture<Void> starting;
        synchronized (this) {
            if (state == PeerState.STOPPED) {
                return CompletableFuture.completedFuture(null);
            }
            if (state == PeerState.STOPPING) {
                return stopFuture;
            }
            state = PeerState.STOPPING;
            stopped = new CompletableFuture<>();
            stopFuture = stopped;
            starting = startFuture;
        }
        starting.handle((v, e) -> null)
                .thenCompose(x -> disconnect.get())
                .whenComplete((v, e) -> {
                    if (e != null) {
                        LOG.warn("{} '{}': error while stopping", typeName, property.name(), unwrap(e));
                    }
                    closed(CloseReason.MANUAL, null);
                    synchronized (this) {
                        state = PeerState.STOPPED;
                    }
                    stopped.complete(null);
                });
        return stopped;
    }

    /** {@code true} while stopping or stopped: connection events of a dying connection are not news. */
    public synchronized boolean stopping() {
        return state == PeerState.STOPPING || state == PeerState.STOPPED;
    }

    /** Stops and waits for the stop, at most 10 seconds. */
    public void close(Supplier<CompletableFuture<Void>> disconnect) {
        try {
            stop(disconnect).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{} '{}': stop did not complete", typeName, property.name(), e);
        }
    }

    /** {@code true} while a connection is up. */
    public boolean isConnected() {
        return current.get() != null;
    }

    /** The session of the connection that is up, or {@code null}. */
    public @Nullable Session session() {
        return current.get();
    }

    /** A connection is up: a new session (new id) and its {@link SessionConnected}. */
    public Session connected(@Nullable SocketAddress remote) {
        DbSession s = new DbSession(ids.incrementAndGet(), owner(), remote, true);
        DbSession previous = current.getAndSet(s);
        if (previous != null) {
            previous.markClosed();
            post(previous, new SessionClosed(CloseReason.IO, null));
        }
        post(s, SessionConnected.INSTANCE);
        return s;
    }

    /** The connection is gone: its session's {@link SessionClosed}, once. */
    public void closed(CloseReason reason, @Nullable Throwable cause) {
        DbSession s = current.getAndSet(null);
        if (s != null) {
            s.markClosed();
            post(s, new SessionClosed(reason, cause));
        }
    }

    /** A session that never opened, for events that belong to no connection. */
    public Session detachedSession() {
        return new DbSession(0, owner(), null, false);
    }

    /** A connection attempt failed: {@link SessionConnectError} on a session that never opened. */
    public void connectError(Throwable cause, int attempt, boolean willRetry) {
        post(detachedSession(), new SessionConnectError(unwrap(cause), attempt, willRetry));
    }

    /**
     * Connection attempt {@code attempt} failed (unless the peer is stopping or the attempt is no
     * longer {@code current}): posts its {@link SessionConnectError}, then, after the policy's delay,
     * runs {@code next} with the next attempt's number while the attempt is still current; when the
     * policy gives up, stops the peer.
     */
    public void attemptFailed(Throwable cause, int attempt, ReconnectPolicy policy, BooleanSupplier current,
            IntConsumer next) {
        if (stopping() || !current.getAsBoolean()) {
            return;
        }
        Duration delay = policy.delayBeforeAttempt(attempt + 1);
        connectError(cause, attempt, delay != null);
        if (delay == null) {
            owner().stop();
            return;
        }
        CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (!stopping() && current.getAsBoolean()) {
                next.accept(attempt + 1);
            }
        });
    }

    /** Posts {@code message} on {@code session} through the bundle's hooker to its callback, on the queue. */
    public void post(Session session, Object message) {
        RecvMsgEvent ev = bundle.hooker().onInboundEvent(new RecvMsgEvent(session, message));
        if (ev != null && !property.queue().post(bundle.callback(), ev)) {
            LOG.warn("{} '{}': the queue refused {}", typeName, property.name(), ev);
        }
    }

    /** Delivers a call's outcome to {@code callback} on the queue. */
    public <T> void deliver(DbCallback<? super T> callback, @Nullable T value, @Nullable Throwable error) {
        EventQueue queue = property.queue();
        Throwable cause = error == null ? null : unwrap(error);
        if (!queue.post(() -> callback.onResult(value, cause))) {
            LOG.warn("{} '{}': queue '{}' refused a call's result (value={}, error={})", typeName, property.name(),
                    queue.name(), value, String.valueOf(cause));
        }
    }

    /** Delivers {@code stage}'s outcome to {@code callback} on the queue when it completes. */
    public <T> void deliverWhenDone(CompletionStage<T> stage, DbCallback<? super T> callback) {
        stage.whenComplete((v, e) -> deliver(callback, v, e));
    }

    /**
     * A future completed with {@code stage}'s outcome on the queue's thread, so that what the caller
     * chains on it (without {@code Async}) runs there too.
     */
    public <T> CompletableFuture<T> onQueue(CompletionStage<T> stage) {
        CompletableFuture<T> f = new CompletableFuture<>();
        deliverWhenDone(stage, (v, e) -> {
            if (e == null) {
                f.complete(v);
            } else {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** The cause inside a {@link CompletionException} or {@link ExecutionException}. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Peer owner() {
        return Objects.requireNonNull(owner, "bind() the core to its peer first");
    }
}

package io.cellnet.testing;

import io.cellnet.EventCallback;
import io.cellnet.Peer;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelOption;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One cellnet connection on a Netty {@link EmbeddedChannel}, for testing codecs, transmitters and
 * hookers frame by frame. The pipeline is the one a TCP peer builds ({@code ChannelSetup}: user
 * handlers, idle handlers, the transmitter's decoder, the session handler), the session is a real
 * cellnet session, and events go through the hookers and the queue to the callback.
 *
 * <pre>{@code
 * EmbeddedPeer peer = EmbeddedPeer.builder().registry(registry).build();
 * peer.events().expect(SessionAccepted.class);
 * peer.writeInbound("0d00 4112 0500 68656c6c6f d2040000");
 * assertEquals(new TestEchoAck("hello", 1234), peer.events().expect(TestEchoAck.class));
 * peer.send(new TestEchoAck("hello", 1234));
 * assertEquals("0d004112050068656c6c6fd2040000", peer.readOutboundHex());
 * peer.close();
 * }</pre>
 *
 * <ul>
 *   <li>Every event that reaches the callback is also recorded in {@link #events()}, which a
 *       restart clears ({@code events().clear()} does it at any time).</li>
 *   <li>Time is frozen: timers of the pipeline (idle timeouts, heartbeats, the close timeout) fire
 *       only through {@link #advanceTimeBy(Duration)}.</li>
 *   <li>Each operation runs the channel's pending tasks, so what a send or a reply wrote is
 *       readable at once, and rethrows what the pipeline failed with.</li>
 *   <li>{@link #close()} releases whatever the test did not read; with paranoid leak detection a
 *       test that closes its peer leaks nothing.</li>
 * </ul>
 * As a {@link Peer}, it is running once built; {@link #stop()} closes the connection gracefully,
 * and {@link #start()} after a stop opens a new connection with the next session id, as a
 * connector reconnecting.
 *
 * <p>Thread safety: not thread-safe. Use it from the test thread only, with
 * {@link io.cellnet.EventQueue#direct()} (the default) or a {@link io.cellnet.testing.ManualEventQueue}
 * as its queue, so that callbacks, and the sends they make, run on that thread too.
 */
public final class EmbeddedPeer implements Peer {
    private final TcpPeerConfig config;
    private final PeerCore core;
    private final ChannelSetup setup;
    private final RecordingEventCallback events = new RecordingEventCallback();
    private final MockTicker clock = Ticker.newMockTicker();
    private @Nullable EmbeddedChannel channel;
    private @Nullable Session session;
    private PeerState state = PeerState.STOPPED;

    EmbeddedPeer(TcpPeerConfig config, boolean client, long idBase) {
        this.config = config;
        ProcessorBundle user = config.peer().bundle();
        EventCallback recorded = ev -> {
            events.onEvent(ev);
            user.callback().onEvent(ev);
        };
        this.core = new PeerCore(this, config.peer().name(), config.peer().queue(), config.peer().registry(),
                user.withCallback(recorded),
                config.closeTimeout(), config.outboundLimits());
        this.setup = new ChannelSetup(core, new EmbeddedBinder(core, idBase, s -> session = s), config, client);
    }

    /** A builder; see {@link EmbeddedPeerBuilder}. */
    public static EmbeddedPeerBuilder builder() {
        return new EmbeddedPeerBuilder();
    }

    @Override
    public String typeName() {
        return config.peer().typeName();
    }

    /**
     * Opens a new connection unless running. A restart releases what is left of the previous
     * connection and clears {@link #events()}: read what the last connection delivered (its
     * {@code SessionClosed}) before starting again.
     */
    @Override
    public CompletableFuture<Void> start() {
        if (state == PeerState.RUNNING) {
            return CompletableFuture.completedFuture(null);
        }
        if (channel != null) {
            events.clear();
        }
        releasePrevious();
        EmbeddedChannel ch = EmbeddedChannel.builder().register(false).ticker(clock).build();
        config.applyOptions(new PeerSettings.OptionSetter() {
            @Override
            public <T> void set(ChannelOption<T> option, T value) {
                ch.config().setOption(option, value);
            }
        });
        setup.install(ch);
        channel = ch;
        try {
            ch.register();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        state = PeerState.RUNNING;
        settle();
        return CompletableFuture.completedFuture(null);
    }

    /** Closes the session gracefully (what was sent is flushed first) and the channel. */
    @Override
    public CompletableFuture<Void> stop() {
        if (state == PeerState.STOPPED) {
            return CompletableFuture.completedFuture(null);
        }
        state = PeerState.STOPPING;
        Session s = session;
        if (s != null) {
            s.close();
        }
        settle();
        EmbeddedChannel ch = channel();
        if (ch.isOpen()) {
            ch.close();
            settle();
        }
        state = PeerState.STOPPED;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public PeerState state() {
        return state;
    }

    /** {@link #stop()}, then releases every frame the test did not read. */
    @Override
    public void close() {
        stop();
        releasePrevious();
    }

    /** The session of the current (or last) connection. */
    public Session session() {
        Session s = session;
        if (s == null) {
            throw new IllegalStateException("the embedded peer has no session: its session did not start");
        }
        return s;
    }

    /** The channel of the current (or last) connection, for what this class does not cover. */
    public EmbeddedChannel channel() {
        EmbeddedChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException("the embedded peer was never started");
        }
        return ch;
    }

    /** Every event that reached the callback, in order. */
    public RecordingEventCallback events() {
        return events;
    }

    /** Feeds bytes written as hex (spaces and line breaks allowed) to the pipeline, as received. */
    public EmbeddedPeer writeInbound(String hex) {
        return writeInbound(HexFormat.of().parseHex(hex.replaceAll("\\s", "")));
    }

    /** Feeds {@code bytes} to the pipeline, as received. */
    public EmbeddedPeer writeInbound(byte[] bytes) {
        EmbeddedChannel ch = channel();
        return writeInbound(ch.alloc().buffer(bytes.length).writeBytes(bytes));
    }

    /**
     * Feeds {@code data} to the pipeline, as received; this peer takes ownership of it.
     *
     * @throws IllegalStateException (after releasing {@code data}) when the connection is closed
     */
    public EmbeddedPeer writeInbound(ByteBuf data) {
        EmbeddedChannel ch = channel();
        if (!ch.isOpen()) {
            ReferenceCountUtil.release(data);
            throw new IllegalStateException("the embedded connection is closed; nothing can be received");
        }
        ch.writeInbound(data);
        settle();
        return this;
    }

    /** {@code session().send(message)}, then flushes, so that its frame is readable at once. */
    public SendResult send(Object message) {
        SendResult result = session().send(message);
        settle();
        return result;
    }

    /**
     * The next message the pipeline wrote ({@code ByteBuf} for stream transmitters, a frame object
     * for others), or {@code null}; the caller must release it.
     */
    public @Nullable Object readOutbound() {
        settle();
        return channel().readOutbound();
    }

    /**
     * Everything written so far, as one lower-case hex string ({@code ""} when nothing), released.
     * Frame objects ({@code ByteBufHolder}s, such as WebSocket frames) contribute their content.
     */
    public String readOutboundHex() {
        return HexFormat.of().formatHex(readOutboundBytes());
    }

    /** Everything written so far, as bytes, released; see {@link #readOutboundHex()}. */
    public byte[] readOutboundBytes() {
        settle();
        return OutboundFrames.drain(channel());
    }

    /**
     * The frame this peer's transmitter makes for {@code message}, as hex, without sending it: a
     * handy way to build inbound input ({@code writeInbound(peer.encodeHex(new Pong()))}) and
     * expected output.
     *
     * @throws IllegalArgumentException when the transmitter refuses the message
     */
    public String encodeHex(Object message) {
        ByteBuf buf = channel().alloc().buffer();
        try {
            SendResult result = core.transmitter().encode(message, core.registry(), buf);
            if (result != SendResult.QUEUED) {
                throw new IllegalArgumentException(message + " cannot be encoded: " + result);
            }
            return ByteBufUtil.hexDump(buf);
        } catch (CodecException e) {
            throw new IllegalArgumentException(message + " cannot be encoded: " + e.getMessage(), e);
        } finally {
            buf.release();
        }
    }

    /**
     * Moves the channel's clock forward by {@code amount}, running its timers in time order as they
     * fall due (each sees its own due time), then the tasks they posted.
     */
    public EmbeddedPeer advanceTimeBy(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move the clock backwards: " + amount);
        }
        EmbeddedChannel ch = channel();
        long remaining = amount.toNanos();
        for (;;) {
            ch.runPendingTasks();
            long next = ch.runScheduledPendingTasks();
            if (next < 0 || next > remaining) {
                break;
            }
            clock.advance(next, TimeUnit.NANOSECONDS);
            remaining -= next;
        }
        clock.advance(remaining, TimeUnit.NANOSECONDS);
        settle();
        return this;
    }

    /** The other side closes the connection: the session closes with {@code CloseReason.IO}. */
    public EmbeddedPeer closeFromRemote() {
        channel().close();
        settle();
        return this;
    }

    /**
     * The other side shuts its output down (a TCP half-close): the session closes with
     * {@code CloseReason.IO} once the queue has handled what came before, writing its replies first.
     */
    public EmbeddedPeer shutdownInputFromRemote() {
        channel().pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        settle();
        return this;
    }

    /** Runs the channel's pending tasks and rethrows what the pipeline failed with. */
    private void settle() {
        EmbeddedChannel ch = channel();
        ch.runPendingTasks();
        ch.checkException();
    }

    private void releasePrevious() {
        EmbeddedChannel ch = channel;
        if (ch != null) {
            ch.finishAndReleaseAll();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPeer(" + config.peer().name() + ", " + state + ", " + session + ")";
    }
}

package io.cellnet.netty.internal;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.FrameException;
import io.cellnet.IdleTimeoutException;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.ProcessorBundle;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.SlowConsumerException;
import io.cellnet.SystemMessage;
import io.cellnet.codec.CodecException;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.observe.CloseKind;
import io.cellnet.observe.PeerObserver;
import io.cellnet.proc.UnhandledMessages;
import io.cellnet.timer.Scheduler;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every session of a peer shares: the peer, its queue, registry and processor bundle, its
 * close timeout, and the rate-limited logs. Delivers inbound events: inbound hookers on the I/O
 * thread, then the callback posted to the queue.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class PeerCore {
    static final Logger log = LoggerFactory.getLogger("io.cellnet.netty.session");

    private final Peer peer;
    private final String name;
    private final EventQueue queue;
    private final MessageRegistry registry;
    private final Duration closeTimeout;
    private final OutboundLimits outboundLimits;
    private final RateLimitedLog sendFailureLog = new RateLimitedLog(log, 1, TimeUnit.SECONDS);
    private final ProcessorBundle bundle;
    private final ChannelTransmitter transmitter;
    private final UnhandledMessages unhandled = new UnhandledMessages("its callback, which is EventCallback.NONE");
    private final QueueStartCheck queueStart;
    private final PeerObserver observer;

    /** The core of {@code peer} with the default {@link OutboundLimits}. */
    public PeerCore(Peer peer, String name, EventQueue queue, MessageRegistry registry, ProcessorBundle bundle,
            Duration closeTimeout) {
        this(peer, name, queue, registry, bundle, closeTimeout, OutboundLimits.DEFAULT);
    }

    /** The core of {@code peer}. */
    public PeerCore(Peer peer, String name, EventQueue queue, MessageRegistry registry, ProcessorBundle bundle,
            Duration closeTimeout, OutboundLimits outboundLimits) {
        this(peer, name, queue, registry, bundle, closeTimeout, outboundLimits, PeerObserver.NONE);
    }

    /** The core of {@code peer}, reporting to {@code observer}. */
    public PeerCore(Peer peer, String name, EventQueue queue, MessageRegistry registry, ProcessorBundle bundle,
            Duration closeTimeout, OutboundLimits outboundLimits, PeerObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.name = Objects.requireNonNull(name, "name");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.outboundLimits = Objects.requireNonNull(outboundLimits, "outboundLimits");
        this.bundle = bundle;
        this.transmitter = channelTransmitter(bundle);
        this.queueStart = new QueueStartCheck(queue, name, Scheduler.system(), QueueStartCheck.GRACE);
    }


    private static ChannelTransmitter channelTransmitter(ProcessorBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        if (!(bundle.transmitter() instanceof ChannelTransmitter tx)) {
            throw new IllegalArgumentException("transmitter " + bundle.transmitter().name()
                    + " cannot be driven by cellnet-netty peers: it is not a ChannelTransmitter");
        }
        return tx;
    }

    /** The owning peer. */
    public Peer peer() {
        return peer;
    }

    /** The peer's name, for logs. */
    public String name() {
        return name;
    }

    /** The peer's queue. */
    public EventQueue queue() {
        return queue;
    }

    /** The peer's message registry. */
    public MessageRegistry registry() {
        return registry;
    }

    /** The bound bundle. */
    public ProcessorBundle bundle() {
        return bundle;
    }

    /** The bound bundle's transmitter. */
    public ChannelTransmitter transmitter() {
        return transmitter;
    }

    /** How long a graceful close may wait for pending writes. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** The bound on each session's unwritten bytes. */
    public OutboundLimits outboundLimits() {
        return outboundLimits;
    }

    /** What the peer reports to; {@link PeerObserver#NONE} when unobserved. */
    public PeerObserver observer() {
        return observer;
    }

    /** The messages dropped because the peer's callback is {@link EventCallback#NONE}. */
    public UnhandledMessages unhandled() {
        return unhandled;
    }

    /** The rate-limited log for refused sends. */
    RateLimitedLog sendFailureLog() {
        return sendFailureLog;
    }

    /**
     * Runs {@code message} through the inbound hookers and posts it to the callback on the queue.
     * A hooker that throws drops the event (logged); a queue that refuses the event fails the
     * session, so that nothing is lost silently. Without a callback ({@link EventCallback#NONE}) a
     * message is recorded in {@link #unhandled()} instead.
     */
    public void deliver(NettySession session, @Nullable Link link, Object message) {
        ProcessorBundle b = bundle;
        if (observer != PeerObserver.NONE) {
            observe(message);
        }
        RecvMsgEvent event;
        try {
            event = b.hooker().onInboundEvent(new RecvMsgEvent(session, message));
        } catch (Throwable t) {
            log.warn("hooker failed on session {} of peer '{}' handling {}; event dropped", session.id(), name,
                    message.getClass().getName(), t);
            return;
        }
        if (event == null) {
            return;
        }
        if (b.callback() == EventCallback.NONE) {
            unhandled.record(event);
            return;
        }
        if (queue.post(b.callback(), event)) {
            queueStart.posted();
            return;
        }
        if (link != null && !(message instanceof SessionClosed)) {
            link.fail(new RejectedExecutionException("event queue '" + queue.name() + "' refused "
                    + message.getClass().getName()), false);
        }
    }

    private void observe(Object message) {
        if (!(message instanceof SystemMessage)) {
            observer.messageReceived(message.getClass());
        } else if (message instanceof SessionAccepted) {
            observer.sessionOpened(true);
        } else if (message instanceof SessionConnected) {
            observer.sessionOpened(false);
        } else if (message instanceof SessionClosed c) {
            observer.sessionClosed(closeKind(c), c.droppedMessages(), c.droppedBytes());
        } else if (message instanceof SessionConnectError) {
            observer.connectFailed();
        }
    }

    /** Why {@code closed} closed, as meters count it: the reason refined by the failure. */
    public static CloseKind closeKind(SessionClosed closed) {
        if (closed.reason() == CloseReason.MANUAL) {
            return CloseKind.MANUAL;
        }
        for (Throwable t = closed.cause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IdleTimeoutException
                    || t.getClass().getName().equals("io.cellnet.netty.heartbeat.HeartbeatTimeoutException")) {
                return CloseKind.IDLE;
            }
            if (t instanceof SlowConsumerException) {
                return CloseKind.SLOW_CONSUMER;
            }
            if (isBadInput(t)) {
                return CloseKind.BAD_INPUT;
            }
        }
        return CloseKind.IO;
    }

    /** {@code true} for input refused as malformed: a frame or codec failure, or Netty's decoder failure. */
    public static boolean isBadInput(Throwable t) {
        return t instanceof FrameException || t instanceof CodecException || t instanceof DecoderException;
    }
}

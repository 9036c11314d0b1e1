package io.cellnet.testing;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import io.cellnet.SystemMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EventCallback} that records every event for a test to take in order, with bounded
 * waits: {@link #poll()}, {@link #expect(Class)}, {@link #expectMessage(Class, Predicate)},
 * {@link #expectClosed(CloseReason)} and {@link #assertNoMoreEvents()} (for {@code @AfterEach}).
 * Failures are {@link AssertionError}s naming what was expected and what came, so it works with any
 * test framework.
 *
 * <pre>{@code
 * RecordingEventCallback events = new RecordingEventCallback();
 * ... build a peer with .callback(events) ...
 * events.expect(SessionAccepted.class);
 * EchoAck ack = events.expect(EchoAck.class);
 * }</pre>
 *
 * <p>Thread safety: {@link #onEvent} may be called from any thread (the peer's queue); the test
 * methods are meant for the test thread.
 */
public final class RecordingEventCallback implements EventCallback {
    /** The default bound of every wait. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final LinkedBlockingQueue<RecvMsgEvent> events = new LinkedBlockingQueue<>();
    private final Duration timeout;

    /** A recorder whose waits are bounded by {@link #DEFAULT_TIMEOUT}. */
    public RecordingEventCallback() {
        this(DEFAULT_TIMEOUT);
    }

    /** A recorder whose waits are bounded by {@code timeout}. */
    public RecordingEventCallback(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void onEvent(RecvMsgEvent event) {
        Objects.requireNonNull(event, "event");
        events.add(event);
    }

    /** The next event; fails when none arrives within the timeout. */
    public RecvMsgEvent poll() {
        return poll(timeout);
    }

    /** The next event; fails when none arrives within {@code wait}. */
    public RecvMsgEvent poll(Duration wait) {
        RecvMsgEvent ev = pollOrNull(wait);
        if (ev == null) {
            throw new AssertionError("no event within " + wait.toMillis() + " ms");
        }
        return ev;
    }

    /** The next event, or {@code null} when none arrives within {@code wait}. */
    public @Nullable RecvMsgEvent pollOrNull(Duration wait) {
        try {
            return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an event", e);
        }
    }

    /**
     * The next event, which must carry a {@code type} message (a user message or a
     * {@link SystemMessage}); returns the message.
     */
    public <T> T expect(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.cast(expectEvent(type).message());
    }

    /** The next event, which must carry a {@code type} message; returns the event. */
    public RecvMsgEvent expectEvent(Class<?> type) {
        Objects.requireNonNull(type, "type");
        RecvMsgEvent ev = poll();
        if (!type.isInstance(ev.message())) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + ev);
        }
        return ev;
    }

    /**
     * The next event, which must carry a {@code type} message that {@code condition} accepts;
     * returns the message.
     */
    public <T> T expectMessage(Class<T> type, Predicate<? super T> condition) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        RecvMsgEvent ev = expectEvent(type);
        T message = type.cast(ev.message());
        if (!condition.test(message)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " matching the condition but got " + ev);
        }
        return message;
    }

    /** The next event, which must be a {@link SessionClosed} with {@code reason}; returns it. */
    public SessionClosed expectClosed(CloseReason reason) {
        Objects.requireNonNull(reason, "reason");
        RecvMsgEvent ev = expectEvent(SessionClosed.class);
        SessionClosed closed = (SessionClosed) ev.message();
        if (closed.reason() != reason) {
            throw new AssertionError("expected SessionClosed(" + reason + ") but got " + ev
                    + (closed.cause() == null ? "" : " caused by " + closed.cause()));
        }
        return closed;
    }

    /**
     * The next event whose message is not one of {@code skipped} (for example
     * {@code SessionConnectError} while a connector retries), which must carry a {@code type}
     * message; returns the message.
     */
    public <T> T expectSkipping(Class<T> type, Class<?>... skipped) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(skipped, "skipped");
        for (;;) {
            RecvMsgEvent ev = poll();
            if (isAny(ev.message(), skipped)) {
                continue;
            }
            if (!type.isInstance(ev.message())) {
                throw new AssertionError("expected " + type.getSimpleName() + " but got " + ev);
            }
            return type.cast(ev.message());
        }
    }

    private static boolean isAny(Object message, Class<?>[] types) {
        for (Class<?> t : types) {
            if (t.isInstance(message)) {
                return true;
            }
        }
        return false;
    }

    /** Fails when an event is waiting. */
    public void assertNoMoreEvents() {
        RecvMsgEvent ev = events.peek();
        if (ev != null) {
            throw new AssertionError("unexpected event " + ev + " (" + events.size() + " pending)");
        }
    }

    /** Takes every event waiting now. */
    public List<RecvMsgEvent> drain() {
        List<RecvMsgEvent> list = new ArrayList<>();
        events.drainTo(list);
        return list;
    }

    /**
     * Forgets every event waiting now, for a fresh view (a peer restarted, a phase of a test over).
     *
     * @return how many were forgotten
     */
    public int clear() {
        return drain().size();
    }

    /** The number of events waiting. */
    public int size() {
        return events.size();
    }
}

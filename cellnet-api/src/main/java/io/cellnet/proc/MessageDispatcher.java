package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.RecvMsgEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EventCallback} that routes each event to the handlers registered for its message's
 * exact class (Go's {@code proc.MessageDispatcher}). Several handlers per type run in registration
 * order; an event without a handler goes to the fallback ({@link #otherwise}). Without a fallback,
 * a message nobody handles is not dropped unseen: it is counted in {@link #unhandled()} and logged
 * (the first of each class at WARN, the others at DEBUG); session events without a handler are
 * simply ignored.
 *
 * <pre>{@code
 * MessageDispatcher d = new MessageDispatcher()
 *     .on(SessionAccepted.class, (ev, m) -> log.info("session {} in", ev.session().id()))
 *     .on(EchoAck.class, (ev, m) -> ev.reply(m));
 * }</pre>
 *
 * <p>Thread safety: registration may happen from any thread, also while events flow; dispatch runs
 * on the caller's thread (the peer's queue).
 */
public final class MessageDispatcher implements EventCallback {
    private final MessageRegistry registry;
    private final Map<Class<?>, List<MessageHandler<Object>>> handlers = new ConcurrentHashMap<>();
    private final UnhandledMessages unhandled = new UnhandledMessages("its MessageDispatcher");
    private volatile EventCallback fallback = EventCallback.NONE;

    /** A dispatcher that resolves full names in {@link MessageRegistry#global()}. */
    public MessageDispatcher() {
        this(MessageRegistry.global());
    }

    /** A dispatcher that resolves full names in {@code registry}. */
    public MessageDispatcher(MessageRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Adds a handler for messages of exactly {@code type}. */
    public <T> MessageDispatcher on(Class<T> type, MessageHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        MessageHandler<Object> h = (ev, msg) -> handler.handle(ev, type.cast(msg));
        handlers.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(h);
        return this;
    }

    /**
     * Adds a handler for the message registered as {@code fullName} (Go's {@code RegisterMessage}).
     *
     * @throws IllegalArgumentException when no message has that full name
     */
    public MessageDispatcher on(String fullName, MessageHandler<Object> handler) {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(handler, "handler");
        MessageMeta meta = registry.byFullName(fullName);
        if (meta == null) {
            throw new IllegalArgumentException("no message registered as '" + fullName + "'");
        }
        return on(meta.type(), handler);
    }

    /** Where events without a handler go. */
    public MessageDispatcher otherwise(EventCallback callback) {
        this.fallback = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** The messages that reached no handler (and no fallback): counted, and logged. */
    public UnhandledMessages unhandled() {
        return unhandled;
    }

    /** The number of handlers for {@code type}. */
    public int handlerCount(Class<?> type) {
        Objects.requireNonNull(type, "type");
        List<MessageHandler<Object>> list = handlers.get(type);
        return list == null ? 0 : list.size();
    }

    @Override
    public void onEvent(RecvMsgEvent event) {
        List<MessageHandler<Object>> list = handlers.get(event.message().getClass());
        if (list == null) {
            EventCallback f = fallback;
            if (f == EventCallback.NONE) {
                unhandled.record(event);
            } else {
                f.onEvent(event);
            }
            return;
        }
        for (MessageHandler<Object> h : list) {
            h.handle(event, event.message());
        }
    }
}

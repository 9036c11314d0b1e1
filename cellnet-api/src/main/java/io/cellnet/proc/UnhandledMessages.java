package io.cellnet.proc;

import io.cellnet.PeerNames;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SystemMessage;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages that reached no handler, so that none is dropped unseen: each one is counted and
 * logged at DEBUG, and the first of each message class is logged at WARN, naming the class, the
 * peer and where it went missing. A {@link MessageDispatcher} without a handler (and without an
 * {@link MessageDispatcher#otherwise} fallback) for a message's class records it in its
 * {@link MessageDispatcher#unhandled()}; a cellnet-netty peer whose callback is
 * {@link io.cellnet.EventCallback#NONE} records every message in its own, which
 * {@code peer.as(UnhandledMessages.class)} returns. The session events ({@link SystemMessage}s)
 * are not messages and are not counted.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class UnhandledMessages {
    private static final Logger log = LoggerFactory.getLogger(UnhandledMessages.class);

    private final String where;
    private final AtomicLong count = new AtomicLong();
    private final Set<Class<?>> types = ConcurrentHashMap.newKeySet();

    /**
     * A record of the messages that {@code where} did not handle; {@code where} completes the log
     * line "peer 'gate': no handler for X in ..." (for example {@code "its MessageDispatcher"}).
     */
    public UnhandledMessages(String where) {
        this.where = Objects.requireNonNull(where, "where");
    }

    /**
     * Counts and logs the message of {@code event}, which nothing handled (a {@link SystemMessage}
     * is ignored).
     */
    public void record(RecvMsgEvent event) {
        Object m = Objects.requireNonNull(event, "event").message();
        if (m instanceof SystemMessage) {
            return;
        }
        count.incrementAndGet();
        Class<?> type = m.getClass();
        String peer = PeerNames.of(event.session().peer());
        if (types.add(type)) {
            log.warn("peer '{}': no handler for {} in {}; the message from session {} is dropped (logged once per"
                    + " message class, then at DEBUG, and counted: UnhandledMessages.count())", peer, type.getName(),
                    where, event.session().id());
        } else if (log.isDebugEnabled()) {
            log.debug("peer '{}': no handler for {} in {}; the message from session {} is dropped", peer,
                    type.getName(), where, event.session().id());
        }
    }

    /** The number of messages recorded so far. */
    public long count() {
        return count.get();
    }

    /** The classes of the messages recorded so far. */
    public Set<Class<?>> types() {
        return Set.copyOf(types);
    }

    @Override
    public String toString() {
        return "UnhandledMessages(" + where + ": " + count() + " of " + types() + ")";
    }
}

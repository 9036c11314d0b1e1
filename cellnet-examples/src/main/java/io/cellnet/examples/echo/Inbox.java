package io.cellnet.examples.echo;

import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the echo client's queue hands to the thread that drives the exchange: echoed messages
 * (plain or relayed), RPC outcomes and the session's close, in order.
 *
 * <p>Thread safety: {@link #onEvent} and {@link #add} may be called from any thread (the client's
 * queue); the take methods from the driving thread.
 */
final class Inbox implements EventCallback {
    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(RecvMsgEvent event) {
        items.add(event);
    }

    /** Adds an RPC outcome (the reply or the error). */
    void add(Object outcome) {
        items.add(outcome);
    }

    /**
     * The next item for message {@code n}: an event or an RPC outcome.
     *
     * @throws EchoFailure when the session closed or nothing came within {@code timeout}
     */
    Object take(int n, Duration timeout) throws EchoFailure, InterruptedException {
        Object item = items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new EchoFailure("no reply to message " + n + " within " + timeout.toMillis() + " ms");
        }
        if (item instanceof RecvMsgEvent ev && ev.message() instanceof SessionClosed c) {
            throw new EchoFailure("connection closed waiting for reply " + n + " (" + c.describe() + ")");
        }
        return item;
    }
}

package io.cellnet.netty;

import io.cellnet.EventCallback;
import io.cellnet.SystemMessage;
import io.cellnet.testing.RecordingEventCallback;

/**
 * The echo servers' callbacks of the tests.
 *
 * <p>Thread safety: the callbacks are as thread-safe as the callback they pass events to.
 */
public final class Echo {
    private Echo() {
    }

    /** Passes every event to {@code first}, then answers each {@link TestEchoAck} with itself. */
    public static EventCallback after(EventCallback first) {
        return ev -> {
            first.onEvent(ev);
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        };
    }

    /** Records every event in {@code events}, then answers each user message (no system message) with itself. */
    public static EventCallback everything(RecordingEventCallback events) {
        return ev -> {
            events.onEvent(ev);
            if (!(ev.message() instanceof SystemMessage)) {
                ev.reply(ev.message());
            }
        };
    }
}

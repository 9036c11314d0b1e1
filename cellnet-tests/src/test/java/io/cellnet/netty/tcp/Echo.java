package io.cellnet.netty.tcp;

import io.cellnet.EventCallback;
import io.cellnet.netty.TestEchoAck;

/** The echo server's callback of the tests. */
final class Echo {
    private Echo() {
    }

    /** Passes every event to {@code first}, then answers each {@link TestEchoAck} with itself. */
    static EventCallback after(EventCallback first) {
        return ev -> {
            first.onEvent(ev);
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        };
    }
}

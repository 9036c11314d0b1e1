package io.cellnet.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.Peers;
import io.cellnet.SessionConnected;
import io.cellnet.proc.Processors;
import io.cellnet.testing.RecordingEventCallback;
import java.util.function.Supplier;

/**
 * One echo through peers made by Go's type and processor names, shared by the transports' tests.
 *
 * <p>Thread safety: call from the test thread.
 */
public final class ByNameEcho {
    private ByNameEcho() {
    }

    /**
     * Starts {@code server} (an echoing acceptor), then a connector of type {@code connectorType}
     * bound to {@code processor}, dialling {@code address} (read once the server has started), and
     * asserts that {@code message} comes back; stops both.
     */
    public static void roundTrip(GenericPeer server, String connectorType, String processor, Supplier<String> address,
            Object message) {
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        try {
            server.start().join();
            GenericPeer client = Peers.newGenericPeer(connectorType, "client", address.get(), EventQueue.direct(),
                    Processors.bundle(processor, clientEvents));
            try {
                client.start().join();
                clientEvents.expectEvent(SessionConnected.class).session().send(message);
                assertEquals(message, clientEvents.expect(message.getClass()));
            } finally {
                NetFixtures.stop(client);
            }
        } finally {
            NetFixtures.stop(server);
        }
    }
}

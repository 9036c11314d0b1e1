package io.cellnet.netty.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.CloseReason;
import io.cellnet.Peer;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Hold;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A graceful close over in-memory channels delivers everything sent before it, even when the
 * reader is busy: closing a {@code LocalChannel} drops what its peer has not read yet, so the peer
 * must have read it all before the close task runs.
 */
class LocalGracefulCloseTest {
    private static final int MESSAGES = 200;

    @Test
    void everythingSentBeforeACloseIsReadWhenTheReaderWasBusy() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpAcceptor server = LocalPeers.acceptor().address("graceful-close").registry(NetFixtures.registry())
                .callback(serverEvents).build();
        TcpConnector client = LocalPeers.connector().address("graceful-close").registry(NetFixtures.registry())
                .callback(clientEvents).build();
        try {
            server.start().join();
            client.start().join();
            clientEvents.expect(SessionConnected.class);
            Session accepted = serverEvents.expectEvent(SessionAccepted.class).session();
            try (Hold busy = Hold.on(accepted.as(Channel.class).eventLoop())) {
                Channel out = client.session().as(Channel.class);
                for (int i = 0; i < MESSAGES; i++) {
                    client.session().send(new TestEchoAck("x".repeat(2000), i));
                    flushed(out);
                }
                client.session().close();
                assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
                busy.release();
            }
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(i, serverEvents.expect(TestEchoAck.class).Value());
            }
            assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        } finally {
            for (Peer p : List.of(client, server)) {
                NetFixtures.stop(p);
            }
        }
    }

    /** Waits until the flush that the last send scheduled has run: each message is its own write. */
    private static void flushed(Channel ch) throws InterruptedException, ExecutionException, TimeoutException {
        ch.eventLoop().submit(() -> { }).get(5, TimeUnit.SECONDS);
    }
}

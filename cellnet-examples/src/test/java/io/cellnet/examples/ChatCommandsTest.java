package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** chat-server and two chat-clients, all in-process: a typed line reaches both clients. */
@ExtendWith(NoLeftoversExtension.class)
class ChatCommandsTest {
    private static final Duration WAIT = InProcess.WAIT;

    @Test
    void aLineTypedInOneClientIsBroadcastToEveryClient() throws Exception {
        try (InProcess server = InProcess.start("chat-server", "--address", "127.0.0.1:0")) {
            String address = server.listening();
            try (InProcess alice = InProcess.start("chat-client", "--address", address)) {
                alice.out.await("connected to " + address, WAIT);
                server.out.await("sid1 joined", WAIT);
                try (InProcess bob = InProcess.start("chat-client", "--address", address)) {
                    bob.out.await("connected to " + address, WAIT);
                    server.out.await("sid2 joined", WAIT);

                    alice.in.type("  hello, bob  ");
                    alice.out.await("sid1 say: hello, bob", WAIT);
                    bob.out.await("sid1 say: hello, bob", WAIT);
                    bob.in.type("hi alice");
                    alice.out.await("sid2 say: hi alice", WAIT);
                    bob.out.await("sid2 say: hi alice", WAIT);

                    bob.in.end();
                    bob.assertExit(0);
                    server.out.await("sid2 left", WAIT);
                }
                alice.in.end();
                alice.assertExit(0);
            }
            server.out.await("sid1 left", WAIT);
            server.stop();
            server.assertExit(0);
            assertEquals("STOPPED lines=2", server.out.lines().get(server.out.lines().size() - 1));
        }
    }

    @Test
    void aClientWhoseServerStopsSaysSoAndExitsWithoutWaitingForInput() throws Exception {
        try (InProcess server = InProcess.start("chat-server", "--address", "127.0.0.1:0");
                InProcess client = InProcess.start("chat-client", "--address", server.listening())) {
            server.out.await("sid1 joined", WAIT);
            server.stop();
            server.assertExit(0);
            client.assertExit(1);   // nothing typed, input still open
            assertEquals("connection lost: the server went away",
                    client.out.lines().get(client.out.lines().size() - 1));
        }
    }

    @Test
    void aDrainingServerTellsEveryClientItIsGoingDownBeforeClosingIt() throws Exception {
        try (InProcess server = InProcess.start("chat-server", "--address", "127.0.0.1:0", "--drain", "1");
                InProcess client = InProcess.start("chat-client", "--address", server.listening())) {
            server.out.await("sid1 joined", WAIT);
            server.stop();
            server.out.await("DRAINING deadline=1s", WAIT);
            client.out.await("sid0 say: server going down, please reconnect later", WAIT);
            server.out.await("DRAINED left=0 closed=1", WAIT);
            server.assertExit(0);
            client.assertExit(1);
            assertEquals("connection lost: the server went away",
                    client.out.lines().get(client.out.lines().size() - 1));
        }
    }
}

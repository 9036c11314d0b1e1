package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.TcpAcceptor;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.TcpPeers;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.MessageHandler;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** echo-server (a child JVM, stopped with SIGTERM) and echo-client (in-process) in every mode. */
@ExtendWith(NoLeftoversExtension.class)
class EchoCommandsTest {
    private static final List<String> MODES = List.of("plain", "rpc-sync", "rpc-async", "relay");
    private static final int COUNT = 20;

    @ParameterizedTest(name = "codec {0}, {1}")
    @CsvSource({"json, --queue=thread", "binary, --no-queue", "json, --queue=loop", "gogopb, --queue=thread"})
    void serverAndClientTalkInEveryModeAndTheServerStopsCleanlyOnSigterm(String codec, String queue)
            throws Exception {
        try (ChildJvm server = ChildJvm.start("echo-server", "--address", "127.0.0.1:0", "--codec", codec, queue)) {
            String address = server.listening();
            assertTrue(address.matches("127\\.0\\.0\\.1:\\d+") && !address.endsWith(":0"), address);
            for (String mode : MODES) {
                InProcess client = InProcess.run("echo-client", "--address", address, "--codec", codec, "--count",
                        String.valueOf(COUNT), "--mode", mode).assertExit(0);
                assertTrue(client.out.lines().get(0).matches("OK mode=" + mode + " n=" + COUNT
                        + " elapsed_ms=\\d+ msgs_per_s=\\d+"), client.out.text());
            }
            assertEquals(0, server.terminate(), () -> server.out.text() + "\n" + server.logs());
            List<String> lines = server.out.lines();
            assertEquals("STOPPED echoed=" + COUNT * MODES.size(), lines.get(lines.size() - 1), server.out::text);
        }
    }

    @ParameterizedTest(name = "transport {0}")
    @ValueSource(strings = {"udp", "ws"})
    void everyModeWorksOnTheOtherTransports(String transport) throws Exception {
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--codec", "json",
                "--transport", transport)) {
            String address = server.listening();
            for (String mode : MODES) {
                InProcess client = InProcess.run("echo-client", "--address", address, "--codec", "json", "--count",
                        String.valueOf(COUNT), "--mode", mode, "--transport", transport).assertExit(0);
                assertTrue(client.out.lines().get(0).startsWith("OK mode=" + mode + " n=" + COUNT + " "),
                        client.out::text);
            }
            server.stop();
            server.assertExit(0);
            assertEquals("STOPPED echoed=" + COUNT * MODES.size(), server.out.lines().get(server.out.lines().size() - 1));
        }
    }

    @Test
    void aWrongEchoFailsWithTheReasonAndExitCode1() throws Exception {
        try (Fake server = new Fake((ev, m) -> ev.reply(new TestEchoAck(m.Msg(), m.Value() + 1)))) {
            InProcess client = InProcess.run("echo-client", "--address", server.address(), "--count", "3")
                    .assertExit(1);
            assertEquals(List.of("FAIL: reply 1 differs: sent TestEchoAck[Msg=hello 1, Value=1], got "
                    + "TestEchoAck[Msg=hello 1, Value=2]"), client.out.lines());
        }
    }

    @Test
    void noReplyFailsAfterTheTimeout() throws Exception {
        try (Fake server = new Fake((ev, m) -> { })) {
            InProcess client = InProcess.run("echo-client", "--address", server.address(), "--mode", "rpc-async",
                    "--timeout-ms", "300").assertExit(1);
            assertEquals(1, client.out.lines().size(), client.out::text);
            assertTrue(client.out.lines().get(0).startsWith("FAIL: rpc call 1 failed: "
                    + "java.util.concurrent.TimeoutException"), client.out::text);
        }
        try (Fake server = new Fake((ev, m) -> { })) {
            InProcess client = InProcess.run("echo-client", "--address", server.address(), "--timeout-ms", "300")
                    .assertExit(1);
            assertEquals(List.of("FAIL: no reply to message 1 within 300 ms"), client.out.lines());
        }
    }

    @Test
    void relayAnsweredWithAPlainEchoIsAcceptedAsGosEchoServerDoes() throws Exception {
        try (Fake server = new Fake((ev, m) -> {
            if (ev instanceof RelayRecvMsgEvent) {
                ev.send(m);                // Go's examples/echo: ev.Session().Send(ack) for all but RPC
            }
        })) {
            InProcess.run("echo-client", "--address", server.address(), "--mode", "relay", "--count", "3",
                    "--timeout-ms", "2000").assertExit(0);
        }
    }

    @Test
    void nothingListeningFailsToConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        InProcess client = InProcess.run("echo-client", "--address", "127.0.0.1:" + port).assertExit(1);
        assertTrue(client.out.text().startsWith("FAIL: cannot connect to 127.0.0.1:" + port + ": "), client.out::text);
    }

    /** A binary-codec echo peer with a handler of the test's choosing, on 127.0.0.1:0. */
    private static final class Fake implements AutoCloseable {
        private final EventQueue queue = EventQueue.create("fake-echo").startLoop();
        private final TcpAcceptor acceptor;

        Fake(MessageHandler<TestEchoAck> handler) {
            MessageRegistry registry = EchoMessages.registry("binary");
            acceptor = TcpPeers.acceptor().address("127.0.0.1:0").queue(queue).registry(registry)
                    .callback(new MessageDispatcher(registry).on(TestEchoAck.class, handler)).build();
            acceptor.start().join();
        }

        String address() {
            return "127.0.0.1:" + acceptor.port();
        }

        @Override
        public void close() {
            acceptor.close();
            queue.close();
        }
    }
}

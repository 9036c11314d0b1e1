package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.examples.logic.GameMessages.Login;
import io.cellnet.examples.logic.GameMessages.LoginAck;
import io.cellnet.examples.logic.GameMessages.Said;
import io.cellnet.examples.logic.GameMessages.Say;
import io.cellnet.examples.logic.GatewayTopology;
import io.cellnet.netty.TcpPeers;
import io.cellnet.rpc.Rpc;
import io.cellnet.testing.RecordingEventCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * cellnet-examples-logic, whose code knows cellnet-api alone, runs on cellnet-netty: a player's
 * RPC call answered by the gateway with the backend's answer to its own call, and a relay to the
 * backend and back to the player.
 */
@ExtendWith(NoLeftoversExtension.class)
class LogicModuleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aPlayerLogsInThroughTwoRpcCallsAndWhatItSaysIsRelayedToTheBackendAndBack() throws Exception {
        try (EventQueue queue = EventQueue.create("game-logic").startLoop();
                GatewayTopology game = GatewayTopology.start(queue)) {
            RecordingEventCallback events = new RecordingEventCallback();
            TcpConnector player = TcpPeers.connector().name("player").address("127.0.0.1:" + game.gatewayPort())
                    .registry(MessageRegistry.global()).callback(events).build();
            try {
                player.start().join();
                events.expect(SessionConnected.class);

                LoginAck ack = Rpc.callSync(player, new Login("alice"), LoginAck.class, TIMEOUT);
                assertEquals(new LoginAck(0, "welcome, alice"), ack);
                assertEquals(SendResult.QUEUED, player.session().send(new Say("hello")));
                assertEquals(new Said("alice", "hello"), events.expect(Said.class));
            } finally {
                player.close();
            }
        }
    }

    @Test
    void theLogicModuleDependsOnCellnetApiAlone() throws Exception {
        String pom = Files.readString(Path.of("..", "cellnet-examples-logic", "pom.xml"));
        String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        Matcher artifacts = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(dependencies);
        assertEquals(List.of("cellnet-api"), artifacts.results().map(m -> m.group(1)).toList());
        try (Stream<Path> sources = Files.walk(Path.of("..", "cellnet-examples-logic", "src"))) {
            List<Path> usingNetty = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("io.netty") || Files.readString(p).contains("io.cellnet.netty");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), usingNetty);
        }
    }
}

package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peers;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.CodecException;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.Transports;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.Processors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * cellnet-netty as a user who adds nothing but it gets it: without its optional dependencies,
 * Jackson and the epoll transport. This module's test class path has neither (the first test
 * checks it), so this JVM runs without them: the json codec says what to add, and everything
 * else works.
 */
class WithoutOptionalDependenciesTest {
    private static final String JACKSON = "com.fasterxml.jackson.core:jackson-databind";

    /** Go's main.TestEchoACK. */
    record Echo(String Msg, int Value) {
    }

    @Test
    void thisJvmHasNeitherJacksonNorEpollNorNettyAll() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.netty.channel.epoll.Epoll"));
        assertTrue(TestClassPath.entries().stream().noneMatch(p -> p.getFileName().toString().startsWith("netty-all")),
                () -> "netty-all on the class path: " + TestClassPath.entries());
    }

    @Test
    void codecsGetJsonFailsNamingTheArtifactToAdd() {
        assertEquals(Set.of("binary", "protoplus"), Codecs.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.get("json"));
        assertTrue(e.getMessage().contains(JACKSON), e.getMessage());
    }

    @Test
    void usingTheJsonCodecFailsNamingTheArtifactToAdd() {
        assertFalse(JsonCodec.isAvailable());
        CodecException encode = assertThrows(CodecException.class, () -> JsonCodec.INSTANCE.encode(new Echo("hello", 1)));
        assertTrue(encode.getMessage().startsWith("json: cannot encode ")
                && encode.getMessage().contains("the json codec needs " + JACKSON + ", which is missing"), encode.getMessage());
        CodecException decode = assertThrows(CodecException.class, () -> JsonCodec.INSTANCE.decode(
                ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), Echo.class));
        assertTrue(decode.getMessage().contains("the json codec needs " + JACKSON), decode.getMessage());
    }

    @Test
    void nioIsChosenWithoutEpoll() {
        assertFalse(Transports.isEpoll());
        assertEquals("NIO", Transports.name());
    }

    @Test
    void everyPeerTypeAndProcessorIsFound() {
        assertTrue(Peers.typeNames().containsAll(Set.of("tcp.Acceptor", "tcp.Connector", "udp.Acceptor", "ws.Acceptor",
                "local.Acceptor")), Peers.typeNames()::toString);
        assertTrue(Processors.names().containsAll(Set.of("tcp.ltv", "udp.ltv", "ws.ltv")), Processors.names()::toString);
    }

    /** The stream transports on their Netty modules (ws: netty-codec-http) with each codec that needs no Jackson. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"tcp, binary", "tcp, protoplus", "ws, binary"})
    void echoes(String transport, String codec) throws Exception {
        boolean ws = transport.equals("ws");
        String path = ws ? "/echo" : "";
        MessageRegistry registry = MessageRegistry.create();
        registry.register(MessageMeta.of(Echo.class, "main.TestEchoACK", Codecs.get(codec)));
        EventQueue queue = EventQueue.create("echo").startLoop();
        TcpAcceptor server = (ws ? WsPeers.acceptor() : TcpPeers.acceptor()).address("127.0.0.1:0" + path).queue(queue)
                .registry(registry).callback(new MessageDispatcher().on(Echo.class, (ev, m) -> ev.reply(m)))
                .build();
        CompletableFuture<Echo> echoed = new CompletableFuture<>();
        try (queue; server) {
            server.start().get(10, TimeUnit.SECONDS);
            try (TcpConnector client = (ws ? WsPeers.connector() : TcpPeers.connector())
                    .address("127.0.0.1:" + server.port() + path).queue(queue).registry(registry)
                    .callback(new MessageDispatcher()
                            .on(SessionConnected.class, (ev, m) -> ev.send(new Echo("hello", 1234)))
                            .on(Echo.class, (ev, m) -> echoed.complete(m)))
                    .build()) {
                client.start();
                assertEquals(new Echo("hello", 1234), echoed.get(10, TimeUnit.SECONDS));
            }
        }
    }
}

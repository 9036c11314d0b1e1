package io.cellnet.netty.relay;

import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayRecvMsgEvent;
import static io.cellnet.netty.GoFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventCallback;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.testing.FakeSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A relay handler unit-tested on a {@link FakeSession} that carries the peer's registry: the relay
 * it sends back is encoded with that registry (not the global one) into the exact {@link RelayACK}.
 */
class RelayHandlerOnFakeSessionTest {
    /** Go's {@code main.TestEchoACK} (id 4673), registered in this registry only. */
    private final MessageRegistry registry = NetFixtures.registry(JsonCodec.INSTANCE);

    /** The handler under test: relays an echo back to the client that the passthrough int64 names. */
    private final EventCallback handler = ev -> {
        if (ev instanceof RelayRecvMsgEvent relayed && relayed.message() instanceof TestEchoAck echo) {
            relayed.reply(new TestEchoAck(echo.Msg(), echo.Value() + 1));
        }
    };

    @Test
    void replyIsTheExactRelayWithThePassthroughValues() {
        FakeSession session = new FakeSession(2).registry(registry);
        RelayACK in = new RelayACK(bytes(GoFrames.ECHO_JSON), 4673, new byte[] {1}, 10002, new long[] {3}, "s");
        handler.onEvent(RelayHooker.INSTANCE.onInboundEvent(session.received(in)));
        byte[] answer = "{\"Msg\":\"hello\",\"Value\":1235}".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new RelayACK(answer, 4673, new byte[] {1}, 10002, new long[] {3}, "s")), session.sent());
    }

    @Test
    void relayFunctionsEncodeWithTheSessionsRegistry() {
        FakeSession session = new FakeSession().registry(registry);
        assertEquals(SendResult.QUEUED, Relay.relay(session, new TestEchoAck("hello", 1234), 7L));
        assertEquals(new RelayACK(bytes(GoFrames.ECHO_JSON), 4673, new byte[0], 7, new long[0], ""),
                session.lastSent());
    }

    @Test
    void withoutThePeersRegistryTheRelayCannotBeEncoded() {
        FakeSession session = new FakeSession();
        assertEquals(SendResult.ENCODE_FAILED, Relay.relay(session, new TestEchoAck("hello", 1234), 7L));
        assertEquals(List.of(), session.sent());
    }
}

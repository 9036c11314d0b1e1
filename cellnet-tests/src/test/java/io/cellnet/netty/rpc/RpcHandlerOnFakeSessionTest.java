package io.cellnet.netty.rpc;

import io.cellnet.rpc.RpcRecvMsgEvent;
import static io.cellnet.netty.GoFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventCallback;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.testing.FakePeer;
import io.cellnet.testing.FakeSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An RPC server handler unit-tested on a {@link FakeSession} that carries the peer's registry: the
 * reply is encoded with that registry (not the global one) into the exact {@link RemoteCallACK}.
 */
class RpcHandlerOnFakeSessionTest {
    /** Go's {@code main.TestEchoACK} (id 4673), registered in this registry only. */
    private final MessageRegistry registry = NetFixtures.registry(JsonCodec.INSTANCE);

    /** The handler under test: answers an echo call with the same message. */
    private final EventCallback handler = new MessageDispatcher(registry)
            .on(TestEchoAck.class, (ev, echo) -> ev.reply(echo));

    @Test
    void replyIsTheExactAckWithTheCallIdAndTheInnerMessageInThePeersCodec() {
        FakeSession session = new FakeSession(3).registry(registry);
        handler.onEvent(new RpcRecvMsgEvent(session, new TestEchoAck("hello", 1234), 7));
        assertEquals(List.of(new RemoteCallACK(4673, bytes(GoFrames.ECHO_JSON), 7)), session.sent());
    }

    @Test
    void aRequestDecodedByTheHookerIsAnsweredOnTheSameSession() {
        FakeSession session = new FakeSession().registry(registry);
        RpcRecvMsgEvent call = assertInstanceOf(RpcRecvMsgEvent.class, RpcHooker.INSTANCE.onInboundEvent(
                session.received(new RemoteCallREQ(4673, bytes(GoFrames.ECHO_JSON), 9))));
        assertEquals(new TestEchoAck("hello", 1234), call.message());
        assertEquals(9, call.callId());
        handler.onEvent(call);
        assertEquals(new RemoteCallACK(4673, bytes(GoFrames.ECHO_JSON), 9), session.lastSent());
    }

    @Test
    void withoutThePeersRegistryTheReplyCannotBeEncoded() {
        FakeSession session = new FakeSession();
        assertEquals(SendResult.ENCODE_FAILED,
                new RpcRecvMsgEvent(session, new TestEchoAck("hello", 1234), 7).reply(new TestEchoAck("x", 1)));
        assertEquals(List.of(), session.sent());
    }

    @Test
    void anAnswerNoCallWaitsForIsSwallowedWithADebugLine() {
        FakeSession session = new FakeSession(5, new FakePeer("gate")).registry(registry);
        try (LogCapture log = new LogCapture()) {
            assertNull(RpcHooker.INSTANCE.onInboundEvent(
                    session.received(new RemoteCallACK(4673, bytes(GoFrames.ECHO_JSON), 42))));
            List<String> lines = log.lines("DEBUG", "cellnet.rpc", "session 5 of peer 'gate'",
                    "dropped the answer to rpc call 42", "no such call is waiting");
            assertEquals(1, lines.size(), () -> "log lines: " + log.lines("cellnet.rpc"));
        }
        assertTrue(session.sent().isEmpty());
    }
}

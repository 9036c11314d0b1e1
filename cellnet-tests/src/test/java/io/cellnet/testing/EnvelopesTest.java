package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.EventCallback;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.relay.PassThrough;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.RpcRecvMsgEvent;
import org.junit.jupiter.api.Test;

/** docs/testing.md §1 "RPC and relay handlers", as written there: the kit's Envelopes, no internal type. */
class EnvelopesTest {
    /** A login request. */
    public record Login(String user) {
    }

    /** Its answer. */
    public record LoginAck(int code) {
    }

    private final MessageRegistry registry = MessageRegistry.create();
    private final EventCallback loginHandler;

    EnvelopesTest() {
        registry.register(MessageMeta.of(Login.class, "game.Login", JsonCodec.INSTANCE));
        registry.register(MessageMeta.of(LoginAck.class, "game.LoginAck", JsonCodec.INSTANCE));
        loginHandler = new MessageDispatcher(registry).on(Login.class, (ev, login) -> ev.reply(new LoginAck(0)));
    }

    @Test
    void answersALoginCall() {
        FakeSession session = new FakeSession().registry(registry);
        loginHandler.onEvent(new RpcRecvMsgEvent(session, new Login("alice"), 7));
        assertEquals(new Envelopes.RpcAnswer(7, new LoginAck(0)), Envelopes.rpcAnswer(session.lastSent(), registry));
    }

    @Test
    void relaysTheAnswerBackWithThePassthroughValues() {
        FakeSession session = new FakeSession().registry(registry);
        var in = Envelopes.relayedTo(session, new Login("alice"), PassThrough.ofInt64(10002L));
        assertEquals(new Login("alice"), assertInstanceOf(RelayRecvMsgEvent.class, in).message());
        loginHandler.onEvent(in);
        Envelopes.Relayed out = Envelopes.relayed(session.lastSent(), registry);
        assertEquals(10002L, out.passThrough().int64());
        assertEquals(new LoginAck(0), out.message());
    }

    @Test
    void somethingElseIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Envelopes.rpcAnswer(new LoginAck(1), registry));
        assertEquals("not an RPC answer: LoginAck[code=1]", e.getMessage());
    }
}

package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.EventCallback;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcException;
import io.cellnet.rpc.RpcRecvMsgEvent;
import io.cellnet.testing.CellnetPeersExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An RPC call on a connector that is between connections follows the connector's
 * {@link DisconnectedSendPolicy}, as every send does: with {@code refuse()} it fails at once with
 * {@code NOT_SENT}; with {@code buffer(n)} the request waits in the buffer, goes out in order once
 * the connector is back, and the call completes with the answer (bounded by its timeout).
 */
class RpcWhileDisconnectedTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void withRefuseACallBetweenConnectionsFailsAtOnceWithNotSent() {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(Duration.ofSeconds(1)),
                b -> b.disconnectedSendPolicy(DisconnectedSendPolicy.refuse()));
        CompletableFuture<Object> call = Rpc.call(refused.client(), new TestEchoAck("now", 1), TIMEOUT);
        assertTrue(call.isDone());
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, call::join);
        RpcException rpc = assertInstanceOf(RpcException.class, e.getCause());
        assertEquals(RpcException.Reason.NOT_SENT, rpc.reason());
        assertTrue(rpc.getMessage().endsWith("was not sent: NOT_CONNECTED"), rpc.getMessage());
    }

    @Test
    void withBufferACallBetweenConnectionsIsSentOnReconnectAndAnswered() throws Exception {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(Duration.ofSeconds(1)),
                b -> b.disconnectedSendPolicy(DisconnectedSendPolicy.buffer(8)));
        CompletableFuture<Object> call = Rpc.call(refused.client(), new TestEchoAck("later", 1), TIMEOUT);
        assertFalse(call.isDone(), "the request waits in the reconnect buffer");
        TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b.address(refused.address())
                .processor("tcp.ltv", ev -> {
                    if (ev instanceof RpcRecvMsgEvent rpc && rpc.message() instanceof TestEchoAck m) {
                        rpc.reply(new TestEchoAck(m.Msg(), m.Value() + 1));
                    }
                }));
        server.start().join();
        refused.retry(Duration.ofSeconds(1));
        refused.events().expectSkipping(SessionConnected.class, io.cellnet.SessionConnectError.class);
        assertEquals(new TestEchoAck("later", 2), call.get(5, TimeUnit.SECONDS));
    }
}

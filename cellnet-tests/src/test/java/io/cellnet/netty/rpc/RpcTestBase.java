package io.cellnet.netty.rpc;

import io.cellnet.rpc.RpcRecvMsgEvent;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An RPC server over TCP whose answer to each call is set per test (by default it echoes the
 * {@link TestEchoAck} with {@code Value + 1}), and clients with queues that record their events.
 */
abstract class RpcTestBase {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(JsonCodec.INSTANCE));

    /** Every call the server received, in order. */
    final List<RpcRecvMsgEvent> calls = new CopyOnWriteArrayList<>();
    /** What the server does with a call; runs on the server's queue. */
    volatile Consumer<RpcRecvMsgEvent> onCall = RpcTestBase::echo;

    final EventQueue clientQueue = net.queue("rpc-client");
    final RecordingEventCallback clientEvents = new RecordingEventCallback();

    static void echo(RpcRecvMsgEvent ev) {
        TestEchoAck m = (TestEchoAck) ev.message();
        ev.reply(new TestEchoAck(m.Msg(), m.Value() + 1));
    }

    TcpAcceptor server() {
        return server("tcp.ltv");
    }

    TcpAcceptor server(String processor) {
        EventQueue queue = net.queue("rpc-server");
        return net.start(net.tcpAcceptor(EventCallback.NONE,
                b -> b.queue(queue).processor(processor, this::onServerEvent)));
    }

    private void onServerEvent(RecvMsgEvent ev) {
        if (ev instanceof RpcRecvMsgEvent call) {
            calls.add(call);
            onCall.accept(call);
        }
    }

    /** A client of {@code server} on {@link #clientQueue}, connected, its events recorded. */
    TcpConnector client(TcpAcceptor server) {
        return client(server, "tcp.ltv");
    }

    TcpConnector client(TcpAcceptor server, String processor) {
        TcpConnector c = net.start(net.tcpConnector(server.port(), EventCallback.NONE,
                b -> b.queue(clientQueue).processor(processor, clientEvents)));
        clientEvents.expect(SessionConnected.class);
        return c;
    }
}

package io.cellnet.netty.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every message a queue thread writes reaches the wire, in order, when one batch writes to many
 * connections of one event loop: the loop gets their flushes as one task, and none is lost.
 */
class QueueBurstFlushTest {
    private static final int CONNECTIONS = 32;
    private static final int PER_CONNECTION = 300;
    private static final EventLoopGroup ONE_LOOP = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("burst-io"), NioIoHandler.newFactory());

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @AfterAll
    static void shutDownTheGroup() {
        assertTrue(ONE_LOOP.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS));
    }

    @Test
    void everyReplyOfABurstOverManyConnectionsOfOneLoopArrivesInOrder() throws Exception {
        EventQueue game = net.queue("burst-game");
        Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();
        CountDownLatch accepted = new CountDownLatch(CONNECTIONS);
        List<Channel> serverChannels = new ArrayList<>();
        TcpAcceptor server = net.start(net.tcpAcceptor(ev -> {
            callbackThreads.add(Thread.currentThread());
            if (ev.message() instanceof SessionAccepted) {
                synchronized (serverChannels) {
                    serverChannels.add(ev.session().as(Channel.class));
                }
                accepted.countDown();
            } else if (ev.message() instanceof TestEchoAck m) {
                // two replies per message, so a batch writes more than it read
                ev.reply(m);
                ev.reply(new TestEchoAck(m.Msg(), m.Value() + PER_CONNECTION));
            }
        }, b -> b.queue(game).eventLoopGroup(ONE_LOOP).channelType(NioServerSocketChannel.class)));

        CountDownLatch allReplies = new CountDownLatch(CONNECTIONS * PER_CONNECTION * 2);
        List<List<Integer>> received = new ArrayList<>();
        List<TcpConnector> clients = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            List<Integer> mine = new ArrayList<>();
            received.add(mine);
            CountDownLatch connected = new CountDownLatch(1);
            clients.add(net.start(net.tcpConnector(server.port(), ev -> {
                if (ev.message() instanceof SessionConnected) {
                    connected.countDown();
                } else if (ev.message() instanceof TestEchoAck m) {
                    synchronized (mine) {
                        mine.add(m.Value());
                    }
                    allReplies.countDown();
                }
            }, b -> b)));
            assertTrue(connected.await(10, TimeUnit.SECONDS));
        }
        assertTrue(accepted.await(10, TimeUnit.SECONDS));
        synchronized (serverChannels) {
            for (Channel ch : serverChannels) {
                assertSame(ONE_LOOP.next(), ch.eventLoop(), "every accepted connection is on the one loop");
            }
        }

        // the burst: every connection sends all its messages at once, from the test thread
        for (int i = 0; i < PER_CONNECTION; i++) {
            for (TcpConnector client : clients) {
                Session s = client.session();
                s.send(new TestEchoAck("burst", i));
            }
        }
        assertTrue(allReplies.await(30, TimeUnit.SECONDS),
                "replies missing: " + allReplies.getCount() + " of " + CONNECTIONS * PER_CONNECTION * 2);
        for (int c = 0; c < CONNECTIONS; c++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < PER_CONNECTION; i++) {
                expected.add(i);
                expected.add(i + PER_CONNECTION);
            }
            synchronized (received.get(c)) {
                assertEquals(expected, received.get(c), "connection " + c + " got every reply, in order");
            }
        }
        assertEquals(Set.of(threadOf(game)), callbackThreads, "every callback ran on the queue's thread");
    }

    private static Thread threadOf(EventQueue queue) throws Exception {
        Thread[] t = new Thread[1];
        CountDownLatch done = new CountDownLatch(1);
        queue.post(() -> {
            t[0] = Thread.currentThread();
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        return t[0];
    }
}

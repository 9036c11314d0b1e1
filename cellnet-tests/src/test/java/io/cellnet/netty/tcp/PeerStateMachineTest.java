package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.Peer;
import io.cellnet.PeerState;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Hold;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.SharedGroup;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The peer state machine held mid-transition (guideline 13): an event loop, a pipeline configurer
 * or a reconnect timer holds the peer in STARTING, STOPPING or a reconnect wait; the test asserts
 * the intermediate state, races start/stop/close from several threads, releases, and asserts the
 * final state and that nothing is left.
 */
class PeerStateMachineTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final Race race = new Race();

    @AfterEach
    void endRace() {
        race.close();
    }

    @Test
    void anAcceptorHeldInStartingTakesRacingStartsStopsAndClosesAndEndsStopped() {
        SharedGroup boss = Leaks.bossGroup();
        var group = boss.acquire();
        try {
            TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b);
            List<CompletableFuture<?>> calls;
            try (Hold hold = Hold.on(group.next())) {
                CompletableFuture<Void> started = server.start();
                assertEquals(PeerState.STARTING, server.state());
                calls = race.run(9, i -> switch (i % 3) {
                    case 0 -> server.start();
                    case 1 -> server.stop();
                    default -> CompletableFuture.runAsync(server::close);
                });
                race.awaitCalls(9);
                assertEquals(PeerState.STARTING, server.state());
                assertTrue(calls.stream().noneMatch(CompletableFuture::isDone) && !started.isDone());
                calls.add(started);
                hold.release();
            }
            Race.join(calls);
            assertEquals(PeerState.STOPPED, server.state());
            assertEquals(0, server.port());
        } finally {
            boss.release();
        }
        Leaks.assertNothingLeft();
    }

    @Test
    void anAcceptorHeldInStoppingSharesItsStopAndRunsAStartQueuedBehindIt() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b));
        try (RawClient client = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            List<CompletableFuture<?>> calls;
            try (Hold hold = Hold.on(session.as(Channel.class).eventLoop())) {
                CompletableFuture<Void> stopped = server.stop();
                assertEquals(PeerState.STOPPING, server.state());
                calls = race.run(8, i -> i == 0 ? server.start() : server.stop());
                race.awaitCalls(8);
                assertEquals(PeerState.STOPPING, server.state());
                assertTrue(calls.stream().noneMatch(CompletableFuture::isDone) && !stopped.isDone());
                calls.add(stopped);
                hold.release();
            }
            Race.join(calls);
            assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            assertEquals("", client.readUntilClosed());
        }
        assertEquals(PeerState.RUNNING, server.state(), "the start queued behind the stop ran");
        try (RawClient again = new RawClient(server.port())) {
            events.expect(SessionAccepted.class);
            again.shutdownOutput();
        }
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void aSyncConnectorHeldInStartingByItsPipelineConfigurerIsStoppedByRacingStops() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        Hold hold = new Hold();
        TcpConnector client = TcpPeers.syncConnector().name("sync").address("127.0.0.1:" + server.port())
                .registry(net.registry()).option(ChannelOption.ALLOCATOR,
                        net.allocator()).pipeline(ch -> hold.block()).build();
        try {
            CompletableFuture<?> started = CompletableFuture.supplyAsync(client::start).thenCompose(f -> f);
            hold.awaitEntered();
            assertEquals(PeerState.STARTING, client.state());
            List<CompletableFuture<?>> calls = race.run(6, i -> client.stop());
            race.awaitCalls(6);
            assertEquals(PeerState.STARTING, client.state());
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone));
            hold.release();
            calls.add(started);
            Race.join(calls);
            assertEquals(PeerState.STOPPED, client.state());
        } finally {
            hold.release();
            NetFixtures.stop(client);
        }
        await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 0);
        serverEvents.expect(SessionAccepted.class);
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void aConnectorWaitingToReconnectIsStoppedFromManyThreadsAndStartsOnceAgain() throws Exception {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(Duration.ofSeconds(1)), b -> b);
        ManualScheduler clock = refused.clock();
        RecordingEventCallback events = refused.events();
        TcpConnector client = refused.client();
        assertEquals(PeerState.RUNNING, client.state());
        Race.join(race.run(6, i -> i % 2 == 0 ? client.stop() : CompletableFuture.runAsync(client::close)));
        assertEquals(PeerState.STOPPED, client.state());
        assertEquals(0, clock.pendingTasks(), "the reconnect timer was cancelled");
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.address(refused.address()));
        server.start().join();
        assertEquals(0, clock.advance(Duration.ofSeconds(10)));
        events.assertNoMoreEvents();
        Race.join(race.run(6, i -> client.start()));
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        await().during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                .until(() -> server.sessionCount() == 1 && events.size() == 0);
        NetFixtures.stop(client);
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void peersCloseAndRestartThemselvesFromInsideTheirOwnCallbacks() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        CompletableFuture<Void> restarted = new CompletableFuture<>();
        TcpAcceptor[] server = new TcpAcceptor[1];
        server[0] = net.tcpAcceptor(ev -> {
            events.onEvent(ev);
            if (ev.message() instanceof TestEchoAck && !restarted.isDone()) {
                // on the acceptor's own I/O thread: close() starts the stop and returns at once
                server[0].close();
                server[0].stop().thenCompose(v -> server[0].start()).whenComplete((v, e) -> restarted.complete(null));
            }
        }, b -> b);
        server[0].start().join();
        try (RawClient c = new RawClient(server[0].port())) {
            c.write(LtvFrames.frame(new TestEchoAck("stop", 1)));
            restarted.get(5, TimeUnit.SECONDS);
        }
        events.expect(SessionAccepted.class);
        events.expect(TestEchoAck.class);
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertEquals(PeerState.RUNNING, server[0].state());

        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector[] client = new TcpConnector[1];
        client[0] = net.tcpConnector(server[0].port(), ev -> {
            clientEvents.onEvent(ev);
            if (ev.message() instanceof SessionConnected && ev.session().id() == 1) {
                client[0].close();
            } else if (ev.message() instanceof SessionClosed && ev.session().id() == 1) {
                client[0].start();
            }
        }, b -> b.queue(net.queue("client")));
        client[0].start().join();
        clientEvents.expect(SessionConnected.class);
        assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
        clientEvents.expect(SessionConnected.class);
        assertEquals(PeerState.RUNNING, client[0].state());
        NetFixtures.stop(client[0]);
        NetFixtures.stop(server[0]);
        Leaks.assertNothingLeft();
    }

    @Test
    void randomStartsStopsAndClosesFromEightThreadsNeverHangNorLeak() throws Exception {
        long seed = System.nanoTime();
        Duration retry = Duration.ofMillis(5);
        ManualScheduler clock = new ManualScheduler();
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(EventCallback.NONE,
                b -> b.address("127.0.0.1:" + port));
        TcpConnector client = net.tcpConnector(port, EventCallback.NONE,
                b -> b.reconnect(ReconnectPolicy.fixed(retry)).scheduler(clock));
        List<Peer> peers = List.of(server, client);
        Race.join(race.run(8, t -> {
            Random random = new Random(seed + t);
            for (int i = 0; i < 25; i++) {
                Peer p = peers.get(random.nextInt(2));
                switch (random.nextInt(4)) {
                    case 0 -> p.start().orTimeout(5, TimeUnit.SECONDS).join();
                    case 1 -> p.stop().orTimeout(5, TimeUnit.SECONDS).join();
                    case 2 -> p.close();
                    default -> clock.advance(retry);             // the due reconnect attempts run here
                }
            }
            return CompletableFuture.completedFuture(null);
        }), Duration.ofSeconds(30));
        NetFixtures.stop(client);
        NetFixtures.stop(server);
        assertEquals(List.of(PeerState.STOPPED, PeerState.STOPPED), List.of(server.state(), client.state()), "seed " + seed);
        assertEquals(0, server.sessionCount(), "seed " + seed);
        assertEquals(0, server.channelCount(), "seed " + seed);
        assertEquals(0, clock.pendingTasks(), "no reconnect left scheduled; seed " + seed);
        Leaks.assertNothingLeft();
    }

    @Test
    void aConnectorHeldInStoppingSharesItsStopAndRunsAStartQueuedBehindIt() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.tcpConnector(server.port(), events, b -> b));
        Session session = events.expectEvent(SessionConnected.class).session();
        serverEvents.expect(SessionAccepted.class);
        List<CompletableFuture<?>> calls;
        // the graceful close of the session runs on its event loop, which is held
        try (Hold hold = Hold.on(session.as(Channel.class).eventLoop())) {
            CompletableFuture<Void> stopped = client.stop();
            assertEquals(PeerState.STOPPING, client.state());
            calls = race.run(8, i -> i == 0 ? client.start() : client.stop());
            race.awaitCalls(8);
            assertEquals(PeerState.STOPPING, client.state());
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone) && !stopped.isDone());
            calls.add(stopped);
            hold.release();
        }
        Race.join(calls);
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        assertEquals(PeerState.RUNNING, client.state(), "the start queued behind the stop ran");
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        NetFixtures.stop(client);
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void aConnectorHeldMidConnectByItsPipelineConfigurerIsStoppedByRacingStops() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        Hold hold = new Hold();
        ManualScheduler clock = new ManualScheduler();
        TcpConnector client = net.tcpConnector(server.port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofMillis(1))).scheduler(clock)
                        .pipeline(ch -> hold.block()));
        try {
            client.start().join();
            hold.awaitEntered();
            assertEquals(PeerState.RUNNING, client.state(), "an async connector runs while it connects");
            List<CompletableFuture<?>> calls = race.run(6, i -> client.stop());
            race.awaitCalls(6);
            assertEquals(PeerState.STOPPING, client.state());
            assertTrue(calls.stream().noneMatch(CompletableFuture::isDone));
            hold.release();
            Race.join(calls);
            assertEquals(PeerState.STOPPED, client.state());
        } finally {
            hold.release();
            NetFixtures.stop(client);
        }
        assertFalse(client.isReady());
        assertEquals(0, clock.advance(Duration.ofSeconds(1)), "no reconnect after the stop");
        await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 0);
        events.assertNoMoreEvents();
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }
}

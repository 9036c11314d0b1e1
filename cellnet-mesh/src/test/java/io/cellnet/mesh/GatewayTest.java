package io.cellnet.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.EventQueue;
import io.cellnet.RawPacket;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.mesh.TestMessages.HelloACK;
import io.cellnet.mesh.TestMessages.HelloREQ;
import io.cellnet.mesh.TestMessages.HoldREQ;
import io.cellnet.mesh.TestMessages.StrayACK;
import io.cellnet.mesh.gateway.ClientClosedACK;
import io.cellnet.mesh.gateway.Failover;
import io.cellnet.mesh.gateway.Gateway;
import io.cellnet.mesh.gateway.GatewayLink;
import io.cellnet.mesh.gateway.RouteErrorACK;
import io.cellnet.mesh.gateway.RouteMode;
import io.cellnet.mesh.gateway.RouteTable;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.cellnet.testing.ReservedPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway on the in-memory discovery: routing, stickiness, pushes, announcements, failures, drain. */
class GatewayTest {
    static final RouteTable ROUTES = RouteTable.builder()
            .route("test.HelloREQ", "game", RouteMode.REQUEST)
            .route("test.HoldREQ", "game", RouteMode.REQUEST)
            .build();

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(TestMessages.registry());
    final InMemoryDiscovery discovery = new InMemoryDiscovery();
    final List<Gateway> gateways = new ArrayList<>();
    /** Queues the test made itself, closed after the gateways that run on them. */
    final List<EventQueue> ownQueues = new ArrayList<>();

    @AfterEach
    void closeGateways() {
        gateways.forEach(Gateway::close);
        ownQueues.forEach(EventQueue::close);
        discovery.close();
    }

    /** The queue of a gateway: a queue thread here, a loop queue in {@link GatewayOnLoopQueueTest}. */
    EventQueue gatewayQueue() {
        return net.queue("gateway");
    }

    Gateway gateway(Gateway.Builder b) {
        Gateway g = b.start();
        gateways.add(g);
        return g;
    }

    Gateway gateway() {
        return gateway(Gateway.builder(discovery, gatewayQueue()).address("127.0.0.1:0").routes(ROUTES));
    }

    /** A connected client of {@code g} and what it receives. */
    record Client(TcpConnector connector, RecordingEventCallback events) {
        HelloACK hello(String user) {
            connector.session().send(new HelloREQ(user));
            return events.expect(HelloACK.class);
        }
    }

    Client client(Gateway g) {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector c = net.start(net.tcpConnector(g.port(), events, b -> b));
        events.expect(SessionConnected.class);
        return new Client(c, events);
    }

    void awaitConnected(Gateway g, int instances) {
        await().atMost(Events.WAIT).until(() -> g.connectors("game") != null
                && g.connectors("game").instances().size() == instances);
    }

    @Test
    void clientsAreAnsweredThroughTheGatewayAndStayOnTheirInstance() {
        TestGame g0 = new TestGame(net, discovery, 0);
        TestGame g1 = new TestGame(net, discovery, 1);
        Gateway gw = gateway();
        awaitConnected(gw, 2);
        Set<String> servers = new HashSet<>();
        for (int n = 0; n < 8; n++) {
            Client c = client(gw);
            String first = c.hello("u" + n).Server();
            for (int k = 0; k < 3; k++) {
                HelloACK ack = c.hello("u" + n);
                assertEquals("u" + n, ack.User());
                assertEquals(first, ack.Server(), "a client stays on its instance");
            }
            servers.add(first);
        }
        assertEquals(Set.of("game#0@dev", "game#1@dev"), servers, "clients spread over both instances");
        assertEquals(8, g0.connectedClients().size() + g1.connectedClients().size(), "each binding announced once");
    }

    @Test
    void backendsPushToOneClientAListOrEveryClient() {
        TestGame game = new TestGame(net, discovery, 0);
        Gateway gw = gateway();
        awaitConnected(gw, 1);
        List<Client> clients = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Client c = client(gw);
            c.hello("u" + n);
            clients.add(c);
        }
        List<Long> ids = game.connectedClients();
        assertEquals(3, ids.size());
        GatewayLink.send(game.gateway.get(), new long[] {ids.get(0), ids.get(2)}, new HelloACK("list", "push"));
        assertEquals("list", clients.get(0).events.expect(HelloACK.class).User());
        assertEquals("list", clients.get(2).events.expect(HelloACK.class).User());
        GatewayLink.broadcast(game.gateway.get(), new HelloACK("all", "push"));
        for (Client c : clients) {
            assertEquals("all", c.events.expect(HelloACK.class).User(), "the list push reached only its targets");
        }
        GatewayLink.send(game.gateway.get(), ids.get(1), new HelloACK("one", "push"));
        assertEquals("one", clients.get(1).events.expect(HelloACK.class).User());
        clients.forEach(c -> c.events.assertNoMoreEvents());
    }

    @Test
    void aClientDisconnectIsAnnouncedToItsBackend() {
        TestGame game = new TestGame(net, discovery, 0);
        Gateway gw = gateway();
        awaitConnected(gw, 1);
        Client c = client(gw);
        c.hello("bye");
        long id = game.connectedClients().get(0);
        c.connector.close();
        ClientClosedACK closed = (ClientClosedACK) game.announced.await(ClientClosedACK.class::isInstance);
        assertEquals(id, closed.ID().ID());
        assertEquals("gateway#0@dev", closed.ID().SvcID());
    }

    @Test
    void unroutedMessagesAndMissingServicesAreErrorsNotSilence() {
        Gateway gw = gateway();
        Client c = client(gw);
        c.connector.session().send(new StrayACK("?"));
        RouteErrorACK noRoute = c.events.expect(RouteErrorACK.class);
        assertEquals(TestMessages.id(StrayACK.class), noRoute.MsgID());
        assertEquals("", noRoute.Service());
        c.connector.session().send(new HelloREQ("nobody"));
        RouteErrorACK noInstance = c.events.expect(RouteErrorACK.class);
        assertEquals("game", noInstance.Service());
        assertTrue(c.connector.session().isOpen(), "the client stays connected");
    }

    @Test
    void whenABackendDiesItsRequestsInFlightFailAndTheClientMovesWithoutDisconnecting() {
        TestGame g0 = new TestGame(net, discovery, 0);
        TestGame g1 = new TestGame(net, discovery, 1);
        Gateway gw = gateway(Gateway.builder(discovery, gatewayQueue()).address("127.0.0.1:0").routes(ROUTES)
                .failover(Failover.NOTIFY));
        awaitConnected(gw, 2);
        Client c = client(gw);
        String first = c.hello("mover").Server();
        TestGame bound = first.equals(g0.id.toString()) ? g0 : g1;
        c.connector.session().send(new HoldREQ("held"));
        await().atMost(Events.WAIT).until(() -> bound.held.size() == 1);
        bound.die();
        RouteErrorACK failed = c.events.expect(RouteErrorACK.class);
        assertEquals(TestMessages.id(HoldREQ.class), failed.MsgID(), "the request in flight fails: " + failed);
        RouteErrorACK notice = c.events.expect(RouteErrorACK.class);
        assertEquals(0, notice.MsgID(), "Failover.NOTIFY tells the client: " + notice);
        String second = c.hello("mover").Server();
        assertNotEquals(first, second, "rebound to the survivor");
        assertTrue(c.connector.session().isOpen());
    }

    @Test
    void theRouteTableComesFromTheKeyValueStoreAndReloads() {
        new TestGame(net, discovery, 0);
        Gateway gw = gateway(Gateway.builder(discovery, gatewayQueue()).address("127.0.0.1:0")
                .routesFromKv("routes/gateway"));
        Client c = client(gw);
        c.connector.session().send(new HelloREQ("early"));
        assertEquals("", c.events.expect(RouteErrorACK.class).Service(), "no table yet");
        discovery.kvPut("routes/gateway", "# client message -> service\ntest.HelloREQ game request\n");
        await().atMost(Events.WAIT).until(() -> gw.routeTable().route(TestMessages.id(HelloREQ.class)) != null);
        awaitConnected(gw, 1);
        assertEquals("game#0@dev", c.hello("late").Server());
        discovery.kvPut("routes/gateway", "not a table");
        discovery.kvPut("routes/gateway", "test.HoldREQ game\n");
        await().atMost(Events.WAIT).until(() -> gw.routeTable().route(TestMessages.id(HelloREQ.class)) == null);
    }

    @Test
    void webSocketClientsAreRoutedToo() {
        new TestGame(net, discovery, 0);
        EventQueue q = gatewayQueue();
        Gateway gw = gateway(Gateway.builder(discovery, q).address("127.0.0.1:0").wsAddress("127.0.0.1:0/ws")
                .routes(ROUTES));
        awaitConnected(gw, 1);
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector ws = net.start(net.wsConnector("ws://127.0.0.1:" + gw.wsPort() + "/ws", events, WsOptions.DEFAULT,
                b -> b));
        events.expect(SessionConnected.class);
        ws.session().send(new HelloREQ("web"));
        assertEquals(new HelloACK("web", "game#0@dev"), events.expect(HelloACK.class));
    }

    private static DrainResult drained(CompletableFuture<DrainResult> drain) throws Exception {
        return drain.get(Events.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aDrainingGatewayRefusesNewClientsAndStillAnswersTheConnectedOneUntilItLeaves() throws Exception {
        TestGame game = new TestGame(net, discovery, 0);
        Gateway gw = gateway();
        awaitConnected(gw, 1);
        Client c = client(gw);
        assertEquals("game#0@dev", c.hello("before").Server());
        int port = gw.port();
        List<Session> told = new CopyOnWriteArrayList<>();

        // a deadline far away: the drain can only complete because the client leaves
        CompletableFuture<DrainResult> drain = gw.drain(Duration.ofMinutes(5), told::add).toCompletableFuture();

        assertTrue(gw.isDraining());
        // the listener closes asynchronously: a connect may race it once, then is refused
        await().atMost(Events.WAIT).until(() -> ReservedPort.refusesConnections(port));
        assertEquals(new HelloACK("during", "game#0@dev"), c.hello("during"), "routed and answered while draining");
        await().atMost(Events.WAIT).until(() -> told.size() == 1);
        assertFalse(drain.isDone(), "the connected client is waited for");
        assertEquals(1, gw.clientCount());

        c.connector.close();
        assertEquals(new DrainResult(1, 0), drained(drain));
        assertEquals(1, told.size(), "the hook is called once per client");
        game.announced.await(ClientClosedACK.class::isInstance);
        assertEquals(0, gw.clientCount());
        assertEquals(1, gw.connectors("game").instances().size(), "the backend stays connected");
    }

    @Test
    void aClientThatStaysPastTheTimeoutIsClosedAndTheHookMayTellItFirst() throws Exception {
        new TestGame(net, discovery, 0);
        Gateway gw = gateway();
        awaitConnected(gw, 1);
        Client c = client(gw);
        c.hello("stays");

        DrainResult result = drained(gw.drain(Duration.ofMillis(200),
                s -> s.send(new RawPacket(TestMessages.id(HelloACK.class),
                        ProtoplusCodec.INSTANCE.encode(new HelloACK("bye", "gateway")))))
                .toCompletableFuture());

        assertEquals(new DrainResult(0, 1), result);
        assertEquals(new HelloACK("bye", "gateway"), c.events.expect(HelloACK.class), "what the hook sent is written");
        c.events.expect(SessionClosed.class);
        assertEquals(result, drained(gw.drain(Duration.ZERO, DrainHook.NONE).toCompletableFuture()), "idempotent");
        gw.close();
        assertEquals(0, gw.clientCount());
    }

    @Test
    void theTcpAndWebSocketClientsDrainTogetherAndTheirCountsAddUp() throws Exception {
        new TestGame(net, discovery, 0);
        Gateway gw = gateway(Gateway.builder(discovery, gatewayQueue()).address("127.0.0.1:0").wsAddress("127.0.0.1:0/ws")
                .routes(ROUTES));
        awaitConnected(gw, 1);
        Client tcp = client(gw);
        tcp.hello("tcp");
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector ws = net.start(net.wsConnector("ws://127.0.0.1:" + gw.wsPort() + "/ws", events, WsOptions.DEFAULT,
                b -> b));
        events.expect(SessionConnected.class);
        ws.session().send(new HelloREQ("web"));
        events.expect(HelloACK.class);
        int port = gw.port();
        int wsPort = gw.wsPort();

        DrainResult result = drained(gw.drain(Duration.ZERO, DrainHook.NONE).toCompletableFuture());

        assertEquals(new DrainResult(0, 2), result);
        tcp.events.expect(SessionClosed.class);
        events.expect(SessionClosed.class);
        await().atMost(Events.WAIT).until(() -> ReservedPort.refusesConnections(port)
                && ReservedPort.refusesConnections(wsPort));
    }
}

package io.cellnet.examples.mesh;

import io.cellnet.EventQueue;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.examples.mesh.GameMessages.HelloACK;
import io.cellnet.examples.mesh.GameMessages.HelloREQ;
import io.cellnet.mesh.gateway.RouteErrorACK;
import io.cellnet.netty.TcpPeers;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Users of the game: one connection each (to a gateway, or straight to a game instance), sending
 * {@code HelloREQ}s and counting {@code HelloACK}s by answering server and {@code RouteErrorACK}s.
 * {@link #round} sends {@code count} requests per user, all at once (pipelined) or one after the
 * other (ping-pong), and returns what came back.
 *
 * <p>Thread safety: {@link #connect}, {@link #round} and {@link #close} run on one thread; the
 * answers are counted on the users' queue.
 */
public final class HelloUsers implements AutoCloseable {
    private final EventQueue queue = EventQueue.create("mesh-users").startLoop();
    private final List<User> users = new ArrayList<>();
    private Round round;

    /**
     * The answers of one round.
     *
     * <p>Thread safety: immutable.
     *
     * @param replies        {@code HelloACK}s
     * @param errors         {@code RouteErrorACK}s for a request (a request the gateway could not deliver or
     *                       whose backend died)
     * @param closed         connections that closed during the round
     * @param servers        replies by answering server
     * @param lastServer     the server of each user's last reply
     * @param latenciesNanos the round-trip time of each reply
     * @param elapsedNanos   the round's duration
     * @param complete       every request got a reply or an error in time
     */
    public record Result(int replies, int errors, int closed, Map<String, Integer> servers, Map<String, String> lastServer,
            long[] latenciesNanos, long elapsedNanos, boolean complete) {

        /** {@code ID:n,ID:n,...}. */
        public String serverList() {
            StringBuilder sb = new StringBuilder();
            servers.forEach((s, n) -> sb.append(sb.length() == 0 ? "" : ",").append(s).append(':').append(n));
            return sb.toString();
        }

        /** The {@code p} percentile of the latencies, in microseconds. */
        public long percentileMicros(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000;
        }
    }

    /** One user: its connector and, on the queue, its round's progress. */
    private final class User {
        final String name;
        final TcpConnector connector;
        final CompletableFuture<Boolean> connected = new CompletableFuture<>();
        final ArrayDeque<Long> sentAt = new ArrayDeque<>();
        int toSend;
        int window;
        int answered;
        int expected;
        boolean closed;
        Round round;

        User(String name, String address) {
            this.name = name;
            MessageDispatcher handler = new MessageDispatcher(GameMessages.registry())
                    .on(SessionConnected.class, (ev, m) -> connected.complete(true))
                    .on(SessionConnectError.class, (ev, m) -> connected.complete(false))
                    .on(SessionClosed.class, (ev, m) -> {
                        connected.complete(false);
                        closed = true;
                        if (round != null) {
                            round.closed++;
                        }
                    })
                    .on(HelloACK.class, (ev, ack) -> answer(ev.session(), ack.Server(), false))
                    .on(RouteErrorACK.class, (ev, err) -> {
                        if (err.MsgID() != 0) {
                            answer(ev.session(), null, true);
                        }
                    });
            this.connector = TcpPeers.connector().name(name).address(address).queue(queue)
                    .registry(GameMessages.registry()).reconnect(ReconnectPolicy.none()).callback(handler).build();
        }

        void begin(Round r, int count, int window) {
            this.round = r;
            this.toSend = count;
            this.expected = count;
            this.answered = 0;
            this.window = window;
            sentAt.clear();
            Session s = connector.session();
            while (toSend > 0 && sentAt.size() < window) {
                send(s);
            }
        }

        void send(Session s) {
            toSend--;
            sentAt.addLast(System.nanoTime());
            s.send(new HelloREQ(name));
        }

        void answer(Session s, String server, boolean error) {
            Round r = round;
            if (r == null || answered >= expected) {
                return;
            }
            Long t0 = sentAt.pollFirst();
            if (t0 != null && !error) {
                r.latencies.add(System.nanoTime() - t0);
            }
            if (error) {
                r.errors++;
            } else {
                r.replies++;
                r.servers.merge(server, 1, Integer::sum);
                r.lastServer.put(name, server);
            }
            answered++;
            if (toSend > 0 && sentAt.size() < window) {
                send(s);
            }
            if (answered == expected) {
                r.done.countDown();
            }
        }
    }

    /** The counters of a round, kept on the queue. */
    private static final class Round {
        final CountDownLatch done;
        final Map<String, Integer> servers = new TreeMap<>();
        final Map<String, String> lastServer = new TreeMap<>();
        final List<Long> latencies = new ArrayList<>();
        int replies;
        int errors;
        int closed;

        Round(int users) {
            this.done = new CountDownLatch(users);
        }
    }

    /**
     * Connects {@code count} users to {@code address}.
     *
     * @throws IllegalStateException when one cannot connect within {@code timeout}
     */
    public static HelloUsers connect(String address, int count, Duration timeout) throws Exception {
        HelloUsers u = new HelloUsers();
        try {
            for (int i = 0; i < count; i++) {
                User user = u.new User("u" + (i + 1), address);
                u.users.add(user);
                user.connector.start();
            }
            for (User user : u.users) {
                if (!user.connected.get(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("cannot connect to " + address);
                }
            }
        } catch (Exception e) {
            u.close();
            throw e;
        }
        return u;
    }

    /** Replies so far in the current round, by server. */
    public Map<String, Integer> serversSoFar() throws Exception {
        return CompletableFuture.supplyAsync(() -> round == null ? Map.<String, Integer>of()
                : Map.copyOf(round.servers), queue).get();
    }

    /** Sends {@code count} requests per user, {@code window} at a time, and waits at most {@code timeout}. */
    public Result round(int count, int window, Duration timeout) throws Exception {
        Round r = new Round(users.size());
        long t0 = System.nanoTime();
        CompletableFuture.runAsync(() -> {
            round = r;
            users.forEach(u -> u.begin(r, count, window));
        }, queue).get();
        boolean complete = r.done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - t0;
        return CompletableFuture.supplyAsync(() -> new Result(r.replies, r.errors, r.closed, new TreeMap<>(r.servers),
                new TreeMap<>(r.lastServer),
                r.latencies.stream().mapToLong(Long::longValue).toArray(), elapsed, complete), queue).get();
    }

    /** The users whose connection is still open. */
    public int openConnections() throws Exception {
        return CompletableFuture.supplyAsync(() -> (int) users.stream().filter(u -> !u.closed).count(), queue).get();
    }

    /** Closes every connection and the queue. */
    @Override
    public void close() {
        users.forEach(u -> u.connector.close());
        queue.close();
    }
}

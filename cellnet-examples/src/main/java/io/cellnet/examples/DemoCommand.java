package io.cellnet.examples;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.TcpPeers;
import io.cellnet.proc.MessageDispatcher;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code demo}: an echo server and a client in one process on 127.0.0.1:0. The client sends a few
 * {@code main.TestEchoACK} messages, the server echoes them from its event queue, the client prints
 * each echo, and both stop. Exits 0 when every echo came back intact.
 *
 * <p>Thread safety: runs on the main thread; the handlers run on the two event queues.
 */
public final class DemoCommand {
    private static final Option COUNT = Option.of("count", "N", "5", "messages to exchange");
    private static final Option CODEC = Option.of("codec", "json|binary", "json", "codec of main.TestEchoACK");
    private static final Usage USAGE = Usage.of("demo", "echo server + client in one process, a few messages, then exit",
            "starts an echo server and a client on 127.0.0.1:0, exchanges N messages, prints them", COUNT, CODEC);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, DemoCommand::run);

    private DemoCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        int count = args.getPositiveInt(COUNT);
        MessageRegistry registry = EchoMessages.registry(args.choice(CODEC));
        PrintStream out = console.out();
        try (EventQueue serverQueue = EventQueue.create("server-queue").startLoop();
                EventQueue clientQueue = EventQueue.create("client-queue").startLoop();
                TcpAcceptor server = server(registry, serverQueue, out)) {
            server.start().join();
            out.println("server: listening on 127.0.0.1:" + server.port());
            CompletableFuture<Integer> done = new CompletableFuture<>();
            try (TcpConnector client = client(registry, clientQueue, server.port(), count, done, out)) {
                client.start();
                int code = done.get(10, TimeUnit.SECONDS);
                out.println(code == 0 ? "demo: OK, " + count + " messages echoed" : "demo: FAIL, an echo differs");
                return code;
            }
        }
    }

    private static TcpAcceptor server(MessageRegistry registry, EventQueue queue, PrintStream out) {
        return TcpPeers.acceptor().name("echo-server").address("127.0.0.1:0").queue(queue).registry(registry)
                .callback(new MessageDispatcher(registry)
                        .on(SessionAccepted.class, (ev, m) -> out.println("server: session " + ev.session().id()
                                + " accepted"))
                        .on(TestEchoAck.class, (ev, m) -> ev.reply(m))
                        .on(SessionClosed.class, (ev, m) -> out.println("server: session " + ev.session().id()
                                + " closed (" + m.describe() + ")")))
                .build();
    }

    private static TcpConnector client(MessageRegistry registry, EventQueue queue, int port, int count,
            CompletableFuture<Integer> done, PrintStream out) {
        AtomicInteger received = new AtomicInteger();
        return TcpPeers.connector().name("echo-client").address("127.0.0.1:" + port).queue(queue).registry(registry)
                .callback(new MessageDispatcher(registry)
                        .on(SessionConnected.class, (ev, m) -> {
                            out.println("client: connected, sending " + count + " messages");
                            for (int i = 1; i <= count; i++) {
                                ev.send(new TestEchoAck("hello " + i, i));
                            }
                        })
                        .on(TestEchoAck.class, (ev, m) -> {
                            int n = received.incrementAndGet();
                            out.println("client: echo " + m);
                            if (!m.equals(new TestEchoAck("hello " + n, n))) {
                                done.complete(1);
                            } else if (n == count) {
                                done.complete(0);
                            }
                        }))
                .build();
    }
}

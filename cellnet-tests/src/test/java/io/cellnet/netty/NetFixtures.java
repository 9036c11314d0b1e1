package io.cellnet.netty;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.codec.Codec;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Shared test setup: a registry holding {@code main.TestEchoACK} (id 4673) and small helpers. */
public final class NetFixtures {
    public static final Duration WAIT = Duration.ofSeconds(5);

    private NetFixtures() {
    }

    /** A fresh registry with {@code main.TestEchoACK} in the echo test codec. */
    public static MessageRegistry registry() {
        return registry(EchoTestCodec.INSTANCE);
    }

    /** A fresh registry holding {@code main.TestEchoACK} (id 4673) in {@code codec}, nothing else. */
    public static MessageRegistry registry(Codec codec) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(TestEchoAck.class, "main.TestEchoACK", codec));
        return r;
    }

    /** Stops {@code peer} and waits, bounded. */
    public static void stop(Peer peer) {
        peer.stop().orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Names of live threads that cellnet-netty starts. */
    public static Set<String> cellnetThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("cellnet-acceptor") || n.startsWith("cellnet-connector")
                        || n.startsWith("cellnet-local") || n.startsWith("cellnet-udp"))
                .collect(Collectors.toSet());
    }

    /** Sends {@code message} until the socket and the outbound buffer are full: nothing will drain. */
    public static Session fillUntilRefused(Session session, Object message) {
        while (session.send(message) == SendResult.QUEUED) {
            // keep sending
        }
        return session;
    }

    /** How long {@code action} took. */
    public static Duration timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

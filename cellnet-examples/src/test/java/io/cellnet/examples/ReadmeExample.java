package io.cellnet.examples;

import io.cellnet.EventQueue;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.TcpPeers;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's example, compiled and run; {@link ReadmeExampleTest} keeps the README in step with it. */
final class ReadmeExample {
    private static final Logger log = LoggerFactory.getLogger(ReadmeExample.class);

    private ReadmeExample() {
    }

    /** Go's {@code main.TestEchoACK}, as the README declares it. */
    record EchoAck(String Msg, int Value) {
    }

    /** Runs the README's lines; returns the echo the client received. */
    static EchoAck run() throws Exception {
        // README-BEGIN
        MessageRegistry.global().register(MessageMeta.of(EchoAck.class, "main.TestEchoACK", Codecs.get("json"))); // id 4673
        EventQueue queue = EventQueue.create("game").startLoop();     // the game logic runs on this one thread

        TcpAcceptor server = TcpPeers.acceptor().name("server").address("127.0.0.1:0").queue(queue)
                .callback(new MessageDispatcher()
                        .on(SessionAccepted.class, (ev, m) -> log.info("session {} in", ev.session().id()))
                        .on(EchoAck.class, (ev, m) -> ev.reply(m)))   // echo
                .build();
        server.start().join();

        CompletableFuture<EchoAck> echoed = new CompletableFuture<>();
        TcpConnector client = TcpPeers.connector().address("127.0.0.1:" + server.port()).queue(queue)
                .reconnect(ReconnectPolicy.fixed(Duration.ofSeconds(1)))
                .callback(new MessageDispatcher()
                        .on(SessionConnected.class, (ev, m) -> ev.send(new EchoAck("hello", 1234)))
                        .on(EchoAck.class, (ev, m) -> echoed.complete(m)))
                .build();
        client.start();
        log.info("echo {}", echoed.get(5, TimeUnit.SECONDS));        // EchoAck[Msg=hello, Value=1234]

        client.close();
        server.close();
        queue.close();
        // README-END
        return echoed.getNow(null);
    }
}

package demo.echo;

import demo.echo.closed.Secret;
import demo.echo.msg.Echo;
import demo.echo.msg.Greeting;
import io.cellnet.EventQueue;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.CodecException;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.proc.MessageDispatcher;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Echoes a message between a tcp.ltv acceptor and connector with the binary codec (and one with
 * the json codec when Jackson is there), printing the codecs and the channel class on the way,
 * then shows what encoding a message of a package not opened to cellnet says.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("CODECS " + Codecs.names());
        boolean json = Codecs.names().contains("json");
        MessageRegistry.global().register(MessageMeta.of(Echo.class, "main.TestEchoACK", Codecs.get("binary")));
        if (json) {
            MessageRegistry.global().register(MessageMeta.of(Greeting.class, "demo.Greeting", Codecs.get("json")));
        }
        EventQueue queue = EventQueue.create("demo").startLoop();

        TcpAcceptor server = TcpPeers.acceptor().name("server").address("127.0.0.1:0").queue(queue)
                .callback(new MessageDispatcher()
                        .on(Echo.class, (ev, m) -> ev.reply(m))
                        .on(Greeting.class, (ev, m) -> ev.reply(m)))
                .build();
        server.start().join();

        CompletableFuture<Echo> echoed = new CompletableFuture<>();
        CompletableFuture<Greeting> greeted = new CompletableFuture<>();
        TcpConnector client = TcpPeers.connector().address("127.0.0.1:" + server.port()).queue(queue)
                .callback(new MessageDispatcher()
                        .on(SessionConnected.class, (ev, m) -> {
                            Channel channel = ev.session().as(Channel.class);
                            System.out.println("CHANNEL " + (channel == null ? null : channel.getClass().getSimpleName()));
                            ev.send(new Echo("hello", 1234));
                            if (json) {
                                ev.send(new Greeting("hi"));
                            }
                        })
                        .on(Echo.class, (ev, m) -> echoed.complete(m))
                        .on(Greeting.class, (ev, m) -> greeted.complete(m)))
                .build();
        client.start();
        System.out.println("ECHO " + echoed.get(20, TimeUnit.SECONDS));
        if (json) {
            System.out.println("ECHO " + greeted.get(20, TimeUnit.SECONDS));
        }

        try {
            BinaryCodec.INSTANCE.encode(new Secret("x"));
            System.out.println("SECRET encoded");
        } catch (CodecException e) {
            System.out.println("SECRET " + e.getMessage());
        }

        client.close();
        server.close();
        queue.close();
    }
}

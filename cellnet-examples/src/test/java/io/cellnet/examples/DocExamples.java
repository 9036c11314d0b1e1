package io.cellnet.examples;


import io.cellnet.ContextKey;
import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peers;
import io.cellnet.ProcessorBundle;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionAccessor;
import io.cellnet.SessionClosed;
import io.cellnet.SystemMessage;
import io.cellnet.TcpAcceptor;
import io.cellnet.codec.Codecs;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.heartbeat.HeartbeatHooker;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.rpc.RpcHooker;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.ProcessorProvider;
import io.cellnet.proc.Processors;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code shown in docs/processors.md, msglog.md and migration.md, compiled; {@link DocExamplesTest} runs it. */
final class DocExamples {
    private static final Logger log = LoggerFactory.getLogger(DocExamples.class);

    private DocExamples() {
    }

    record Login(String user) {
    }

    record LoginAck(int code) {
    }

    record Ping() {
    }

    record Pong() {
    }

    static MessageRegistry registry() {
        MessageRegistry r = MessageRegistry.create();
        for (Class<?> c : new Class<?>[] {Login.class, LoginAck.class, Ping.class, Pong.class}) {
            r.register(MessageMeta.of(c, "game." + c.getSimpleName(), Codecs.get("json")));
        }
        return r;
    }

    // processors.md: writing your own hooker
    /** Drops a session's messages until its Login has passed, and closes the session that tries. */
    static final class LoginGate implements EventHooker {
        static final ContextKey<Boolean> LOGGED_IN = ContextKey.of("game.loggedIn", Boolean.class);
        private static final Logger log = LoggerFactory.getLogger(LoginGate.class);

        @Override
        public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent ev) {
            Object m = ev.message();
            if (m instanceof SystemMessage || Boolean.TRUE.equals(ev.session().getContext(LOGGED_IN))) {
                return ev;                                      // lifecycle events, and logged-in sessions
            }
            if (m instanceof Login) {
                ev.session().setContext(LOGGED_IN, true);       // I/O thread, in arrival order
                return ev;
            }
            log.warn("session {}: {} before login; closing", ev.session().id(), m.getClass().getSimpleName());
            ev.session().close();
            return null;                                        // swallowed: the callback never sees it
        }

        @Override
        public boolean interceptsOutbound() {
            return false;                                       // sends skip this hooker
        }
    }

    // processors.md: a processor of your own
    /** {@code tcp.ltv} with the login gate after its hookers. */
    static final class GatedLtvProcessor implements ProcessorProvider {
        @Override
        public Set<String> names() {
            return Set.of("tcp.ltv.gated");
        }

        @Override
        public ProcessorBundle create(String name, EventCallback callback) {
            return Processors.bundle("tcp.ltv", callback).withHooker(new LoginGate());
        }
    }

    static ProcessorBundle gated(EventCallback handler) {
        return Processors.bundle("tcp.ltv", handler).withHooker(new LoginGate());
    }

    // migration.md: from raw Netty handlers
    static final ContextKey<String> USER = ContextKey.of("game.user", String.class);   // was an AttributeKey

    static TcpAcceptor gameServer(String address, EventQueue queue, MessageRegistry registry,
            EventLoopGroup workers) {
        return TcpPeers.acceptor().name("game").address(address).queue(queue).registry(registry)
                .eventLoopGroup(workers)                                        // your group (never shut down by cellnet)
                .childOption(ChannelOption.SO_KEEPALIVE, true)                  // any option of the accepted channels
                .pipeline(ch -> ch.pipeline().addLast("traffic", new ChannelTrafficShapingHandler(1 << 20, 0)))
                .callback(new MessageDispatcher(registry)
                        .on(SessionAccepted.class, (ev, m) -> log.info("in: {}", ev.session().remoteAddress()))
                        .on(Login.class, (ev, login) -> {                       // was channelRead + instanceof
                            ev.session().setContext(USER, login.user());
                            SendResult r = ev.reply(new LoginAck(0));            // was ctx.writeAndFlush(..)
                            if (!r.isAccepted()) {
                                log.warn("login answer not sent: {}", r);
                            }
                        })
                        .on(SessionClosed.class, (ev, m) -> log.info("out: {} ({})",   // was channelInactive
                                ev.session().getContext(USER), m.reason())))
                .build();
    }

    // migration.md: Go's chat server, ported
    static TcpAcceptor goStyleChatServer(EventQueue queue, MessageRegistry registry) {
        TcpAcceptor p = TcpPeers.acceptor().name("server").address("127.0.0.1:0").queue(queue)
                .registry(registry)
                .callback(new MessageDispatcher(registry)
                        .on(SessionAccepted.class, (ev, m) -> log.debug("server accepted"))
                        .on(ChatREQ.class, (ev, msg) -> {
                            ChatACK ack = new ChatACK(msg.Content(), ev.session().id());
                            ((SessionAccessor) ev.session().peer()).visitSessions(ses -> {
                                ses.send(ack);
                                return true;
                            });
                        }))
                .build();
        p.start().join();
        return p;
    }

    // processors.md and msglog.md: tcp.ltv with another message log, built from public pieces
    static ProcessorBundle withMessageLog(EventCallback dispatcher, MsgLogHooker log) {
        ProcessorBundle ltv = Processors.bundle("tcp.ltv", dispatcher);
        return new ProcessorBundle(ltv.transmitter(),
                EventHooker.chain(RpcHooker.INSTANCE, RelayHooker.INSTANCE, log), dispatcher);
    }

    // migration.md: Go's shape, a peer by type name with its processor
    static GenericPeer goStyleByName(EventQueue queue, EventCallback dispatcher) {
        GenericPeer p = Peers.newGenericPeer("tcp.Acceptor", "server", "127.0.0.1:0", queue,
                Processors.bundle("tcp.ltv", dispatcher));      // Go: NewGenericPeer + BindProcessorHandler
        p.start().join();
        return p;
    }

    // processors.md: the heartbeat hooker
    static ProcessorBundle withHeartbeat(EventCallback handler, boolean sendPings) {
        HeartbeatHooker.Builder b = HeartbeatHooker.builder(Ping.class, Ping::new, Pong.class, ping -> new Pong());
        if (sendPings) {
            b.sendPings(Duration.ofSeconds(5), 3);              // ping every 5 s; close after 3 unanswered
        }
        return Processors.bundle("tcp.ltv", handler).withHooker(b.build());
    }
}

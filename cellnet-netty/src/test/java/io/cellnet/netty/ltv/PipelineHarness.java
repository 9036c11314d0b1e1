package io.cellnet.netty.ltv;

import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SystemMessage;
import io.cellnet.netty.internal.ChannelSetup;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.SessionBinder;
import io.cellnet.netty.internal.SocketKind;
import io.cellnet.netty.tcp.TcpOptions;
import io.cellnet.netty.tcp.TcpPeerConfig;
import io.cellnet.netty.tcp.TcpPeers;
import io.cellnet.proc.Processors;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline an acceptor installs ({@link ChannelSetup}: the tcp.ltv decoder and the session
 * handler, with the given maxPacketSize) on {@link EmbeddedChannel}s, every buffer from one
 * accounting allocator, every event recorded (callbacks run on the I/O thread, as with a direct
 * queue). The peer behind it is built and never started.
 */
final class PipelineHarness implements SessionBinder {
    final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    final List<RecvMsgEvent> events = new CopyOnWriteArrayList<>();
    private final PeerCore core;
    private final TcpPeerConfig config;
    private final AtomicLong ids = new AtomicLong(1);

    PipelineHarness(MessageRegistry registry, int maxPacketSize) {
        ProcessorBundle bundle = Processors.bundle("tcp.ltv", events::add);
        String address = "127.0.0.1:0";
        var peer = TcpPeers.acceptor().name("fuzz").address(address).registry(registry).bundle(bundle).build();
        core = new PeerCore(peer, "fuzz", EventQueue.direct(), registry, bundle, Duration.ofSeconds(1));
        TcpOptions options = new TcpOptions(-1, -1, true, false, maxPacketSize, Duration.ZERO, Duration.ZERO);
        config = new TcpPeerConfig("tcp.Acceptor", "fuzz", address, Address.parse(address), EventQueue.direct(),
                registry, bundle, options, Duration.ofSeconds(1), null, Map.of(), null, SocketKind.INSTANCE,
                OutboundLimits.DEFAULT, null);
    }

    /** A new channel with the peer's pipeline; its session has started. */
    EmbeddedChannel open() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(alloc);
        new ChannelSetup(this, config, false).install(ch);
        return ch;
    }

    /** The messages delivered to {@code session}'s callback, in order, system messages included. */
    List<Object> messagesOf(Session session) {
        return events.stream().filter(e -> e.session() == session).map(RecvMsgEvent::message).toList();
    }

    long usedMemory() {
        return alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory();
    }

    @Override
    public PeerCore core() {
        return core;
    }

    @Override
    public Link bind(Channel channel) {
        HarnessSession session = new HarnessSession(core);
        Link link = new Link(channel, session, core);
        session.open(link, ids.getAndIncrement());
        return link;
    }

    @Override
    public SystemMessage activeMessage() {
        return SessionAccepted.INSTANCE;
    }

    @Override
    public void unbind(Link link) {
        // nothing to forget: the harness keeps no session table
    }

    /** A session with one link for life, as an acceptor's. */
    static final class HarnessSession extends NettySession {
        HarnessSession(PeerCore core) {
            super(core);
        }

        void open(Link link, long id) {
            attach(link, id);
        }
    }
}

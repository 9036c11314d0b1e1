package io.cellnet.testing;

import io.cellnet.netty.StreamPeerBuilder;
import io.cellnet.netty.internal.StreamBuilderAccess;

/**
 * Builds an {@link EmbeddedPeer} with the settings of a TCP peer builder: registry, processor or
 * bundle, callback, queue, {@code maxPacketSize}, idle timeouts, close timeout, outbound limits,
 * user pipeline handlers and channel options (such as {@code ChannelOption.ALLOCATOR}). Socket
 * options and {@code eventLoopGroup} do not apply. The address is {@code "embedded"} unless set; a
 * transmitter that reads it (WebSocket reads the path) gets what is set here.
 *
 * <pre>{@code
 * EmbeddedPeer peer = EmbeddedPeer.builder()
 *     .registry(registry)
 *     .callback(ev -> { if (ev.message() instanceof Echo) ev.reply(ev.message()); })
 *     .maxPacketSize(100)
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread.
 */
public final class EmbeddedPeerBuilder extends StreamPeerBuilder<EmbeddedPeerBuilder> {
    private boolean client;
    private long idBase = 1;

    EmbeddedPeerBuilder() {
        super("embedded.Peer", "tcp.ltv", EmbeddedKind.INSTANCE::parse);
        address("embedded");
    }

    /**
     * Plays a connector's side: the session starts with {@code SessionConnected} instead of
     * {@code SessionAccepted}, and the transmitter sets the channel up as a client.
     */
    public EmbeddedPeerBuilder client() {
        this.client = true;
        return this;
    }

    /** The id of the first session; each {@link EmbeddedPeer#start()} takes the next. 1 by default. */
    public EmbeddedPeerBuilder idBase(long idBase) {
        this.idBase = idBase;
        return this;
    }

    /** The peer, running: its channel is active and its session has started. */
    public EmbeddedPeer build() {
        EmbeddedPeer peer = new EmbeddedPeer(StreamBuilderAccess.config(this, EmbeddedKind.INSTANCE), client, idBase);
        peer.start();
        return peer;
    }
}

package io.cellnet.netty.internal.http;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.TransmitterSettings;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelPipeline;

/**
 * The transmitter of the {@code http} processor. HTTP exchanges are not framed messages: the HTTP
 * peers install Netty's HTTP codec themselves and answer through their exchange sessions, so this
 * transmitter only names the processor; driving it as a framed transport is an error.
 *
 * <p>Thread safety: stateless.
 */
public final class HttpTransmitter implements ChannelTransmitter {
    /** The transmitter. */
    public static final HttpTransmitter INSTANCE = new HttpTransmitter();

    private HttpTransmitter() {
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void initChannel(ChannelPipeline pipeline, TransmitterSettings settings) {
        throw new UnsupportedOperationException("the http processor is for the HTTP peers (HttpPeers) only");
    }

    @Override
    public SendResult encode(Object message, MessageRegistry registry, ByteBuf out) {
        throw new UnsupportedOperationException("the http processor is for the HTTP peers (HttpPeers) only");
    }
}

package io.cellnet.netty;

import io.netty.channel.Channel;

/**
 * Adds user handlers to a new channel's pipeline ahead of cellnet's own (TLS, traffic shaping,
 * logging, proxy protocol). Called once per channel, before cellnet adds its decoder and session
 * handler, so the handlers it adds sit between the socket and cellnet.
 *
 * <pre>{@code
 * .pipeline(ch -> ch.pipeline().addLast(sslContext.newHandler(ch.alloc())))
 * }</pre>
 *
 * <p>Thread safety: called on the channel's event loop.
 */
@FunctionalInterface
public interface PipelineConfigurer {

    /** Adds handlers to {@code channel.pipeline()}. */
    void configure(Channel channel);
}

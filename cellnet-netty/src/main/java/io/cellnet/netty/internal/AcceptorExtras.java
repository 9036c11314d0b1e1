package io.cellnet.netty.internal;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an acceptor has beyond the settings every stream peer has: the listening channel's own
 * options ({@code option(..)}, as {@code ServerBootstrap.option}), a separate boss group, and the
 * PROXY protocol.
 *
 * <p>Thread safety: immutable.
 *
 * @param serverOptions the listening channel's options, applied after cellnet's own
 * @param bossGroup     the group that accepts connections, or {@code null} for the worker group
 *                      given with {@code eventLoopGroup(..)} or the shared boss group
 * @param proxy         the PROXY protocol settings, or {@code null} when off
 */
public record AcceptorExtras(Map<ChannelOption<?>, Object> serverOptions, @Nullable EventLoopGroup bossGroup,
        @Nullable ProxyProtocolSettings proxy) {
    /** No server option, no boss group of its own, no PROXY protocol. */
    public static final AcceptorExtras NONE = new AcceptorExtras(Map.of(), null, null);

    /** Copies the options. */
    public AcceptorExtras {
        serverOptions = Map.copyOf(Objects.requireNonNull(serverOptions, "serverOptions"));
    }
}

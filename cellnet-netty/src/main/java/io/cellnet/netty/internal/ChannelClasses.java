package io.cellnet.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The channel classes of one channel family: the types every server and client channel of the
 * family extends (a user's own {@code channelType(..)} must be one), and the classes to use for a
 * user's event loop group or, given {@code null}, for the shared groups.
 *
 * <p>Thread safety: immutable.
 *
 * @param serverBase    the type every server channel of the family extends
 * @param clientBase    the type every client channel of the family extends
 * @param serverForGroup the server channel class for a group ({@code null}: the shared ones)
 * @param clientForGroup the client channel class for a group ({@code null}: the shared ones)
 */
public record ChannelClasses(Class<? extends ServerChannel> serverBase, Class<? extends Channel> clientBase,
        Function<@Nullable EventLoopGroup, Class<? extends ServerChannel>> serverForGroup,
        Function<@Nullable EventLoopGroup, Class<? extends Channel>> clientForGroup) {

    /** A family whose channel classes do not depend on the group. */
    public static ChannelClasses fixed(Class<? extends ServerChannel> server, Class<? extends Channel> client) {
        return new ChannelClasses(server, client, g -> server, g -> client);
    }

    /** The server channel class for {@code userGroup}, or for the shared groups when {@code null}. */
    public Class<? extends ServerChannel> serverType(@Nullable EventLoopGroup userGroup) {
        return serverForGroup.apply(userGroup);
    }

    /** The client channel class for {@code userGroup}, or for the shared groups when {@code null}. */
    public Class<? extends Channel> clientType(@Nullable EventLoopGroup userGroup) {
        return clientForGroup.apply(userGroup);
    }
}

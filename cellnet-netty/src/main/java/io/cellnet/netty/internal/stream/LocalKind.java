package io.cellnet.netty.internal.stream;

import io.cellnet.Address;
import io.cellnet.netty.internal.ChannelClasses;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.SharedGroup;
import io.cellnet.netty.internal.StreamGroups;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.SocketAddress;
import java.util.regex.Pattern;

/**
 * Netty's in-memory {@link LocalChannel}s. An address is a name ({@code "game"}, or
 * {@code "local://game"}); acceptors and connectors with the same name in one JVM talk to each
 * other. Socket options do not apply.
 *
 * <p>Thread safety: immutable; the shared groups are thread-safe.
 *
 * @param groups  the shared event loop groups of in-memory peers
 * @param classes the in-memory channel classes
 */
public record LocalKind(StreamGroups groups, ChannelClasses classes) implements ChannelKind {
    /** The in-memory family, on its shared groups. */
    public static final LocalKind INSTANCE = new LocalKind(new StreamGroups(group("cellnet-local-boss", 1),
            group("cellnet-local", 2), group("cellnet-local-client", 2)),
            ChannelClasses.fixed(LocalServerChannel.class, LocalChannel.class));
    private static final Pattern NAME = Pattern.compile("^(?:local://)?([A-Za-z0-9._~-]+)$");

    private static SharedGroup group(String name, int threads) {
        return new SharedGroup(() -> new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name),
                LocalIoHandler.newFactory()));
    }

    @Override
    public Address parse(String address) {
        var m = NAME.matcher(address);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid local address '" + address
                    + "': expected a name such as 'game' or 'local://game'");
        }
        return new Address("local", m.group(1), 0, 0, "");
    }

    /** The name, whatever the port. */
    @Override
    public SocketAddress bindAddress(Address address, int port) {
        return connectAddress(address);
    }

    @Override
    public SocketAddress connectAddress(Address address) {
        return new LocalAddress(address.host());
    }

    @Override
    public boolean hasSocketOptions() {
        return false;
    }

    /** In-memory channels need an event loop of their own I/O type. */
    @Override
    public boolean runsOnSocketLoops() {
        return false;
    }
}

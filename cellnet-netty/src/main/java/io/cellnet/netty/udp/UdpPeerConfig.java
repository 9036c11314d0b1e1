package io.cellnet.netty.udp;

import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.timer.Scheduler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a UDP peer, as built by a {@link UdpPeerBuilder}.
 *
 * <p>Thread safety: immutable.
 *
 * @param typeName       {@code "udp.Acceptor"} or {@code "udp.Connector"}
 * @param name           the peer's name
 * @param addressText    the address as given
 * @param address        the parsed address
 * @param queue          the callback queue
 * @param registry       the message registry
 * @param bundle         the processor bundle
 * @param group          a user event loop group, or {@code null} for the shared one
 * @param channelOptions extra Netty channel options
 * @param scheduler      the clock for session expiry, or {@code null} for the event loop's
 */
record UdpPeerConfig(String typeName, String name, String addressText, Address address, EventQueue queue,
        MessageRegistry registry, ProcessorBundle bundle, @Nullable EventLoopGroup group,
        Map<ChannelOption<?>, Object> channelOptions, @Nullable Scheduler scheduler) {
}

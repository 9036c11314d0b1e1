package io.cellnet.netty;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;

/**
 * The settings every peer builder has: name, address, queue, registry, processor and callback,
 * event loop group and channel options. Transport builders add their own.
 *
 * <p>Thread safety: not thread-safe; use a builder from one thread.
 *
 * @param <B> the concrete builder
 */
public interface PeerBuilder<B extends PeerBuilder<B>> {

    /** The peer's name for logs (Go's {@code SetName}); the type name by default. */
    B name(String name);

    /** The address (Go's {@code SetAddress}); checked at once. */
    B address(String address);

    /** The queue the callback runs on; {@link EventQueue#direct()} (the default) runs it on the I/O thread. */
    B queue(EventQueue queue);

    /** The message registry; {@link MessageRegistry#global()} by default. */
    B registry(MessageRegistry registry);

    /** The processor by name (the peer kind's default, {@code "tcp.ltv"} for TCP) and the user callback. */
    B processor(String processorName, EventCallback callback);

    /** The user callback, with the processor named so far. */
    B callback(EventCallback callback);

    /** A ready bundle instead of a processor name. */
    B bundle(ProcessorBundle bundle);

    /**
     * Runs the peer's channels on {@code group} (the peer does not shut it down). By default a group
     * shared by all peers of the kind is used, native epoll when available. The channel class
     * follows the group (NIO or epoll); for another I/O type, acceptor and connector builders take
     * it with {@code channelType(..)}.
     */
    B eventLoopGroup(EventLoopGroup group);

    /** Sets a Netty channel option on the peer's channels (after the transport's own options). */
    <T> B option(ChannelOption<T> option, T value);
}

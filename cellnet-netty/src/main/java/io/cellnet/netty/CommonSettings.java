package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.proc.Processors;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings every peer builder collects (see {@link PeerBuilder}), held by each builder base
 * class as a field: name, address, queue, registry, processor and callback or bundle, event loop
 * group and channel options.
 *
 * <p>Thread safety: not thread-safe; its builder is used from one thread.
 */
final class CommonSettings {
    private final String typeName;
    private final Function<String, Address> addressParser;
    private String name = "";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private MessageRegistry registry = MessageRegistry.global();
    private @Nullable ProcessorBundle bundle;
    private String processor;
    private EventCallback callback = EventCallback.NONE;
    private @Nullable EventLoopGroup group;
    private final Map<ChannelOption<?>, Object> channelOptions = new LinkedHashMap<>();

    /**
     * The settings of a peer of {@code typeName}, whose processor is {@code defaultProcessor} unless
     * set, and whose addresses {@code addressParser} checks (throwing IllegalArgumentException).
     */
    CommonSettings(String typeName, String defaultProcessor, Function<String, Address> addressParser) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.processor = Objects.requireNonNull(defaultProcessor, "defaultProcessor");
        this.addressParser = Objects.requireNonNull(addressParser, "addressParser");
    }

    void name(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    void address(String address) {
        addressParser.apply(address);
        this.address = address;
    }

    void queue(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    void registry(MessageRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void processor(String processorName, EventCallback callback) {
        this.processor = Objects.requireNonNull(processorName, "processorName");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.bundle = null;
    }

    void callback(EventCallback callback) {
        processor(processor, callback);
    }

    void bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    void eventLoopGroup(EventLoopGroup group) {
        this.group = Objects.requireNonNull(group, "group");
    }

    <T> void option(ChannelOption<T> option, T value) {
        channelOptions.put(Objects.requireNonNull(option, "option"), Objects.requireNonNull(value, "value"));
    }

    /** The settings, checked. */
    PeerSettings settings() {
        if (address == null) {
            throw new IllegalStateException("address is required");
        }
        ProcessorBundle b = bundle != null ? bundle : Processors.bundle(processor, callback);
        return new PeerSettings(typeName, name.isEmpty() ? typeName : name, address, addressParser.apply(address), queue,
                registry, b, group, channelOptions);
    }
}

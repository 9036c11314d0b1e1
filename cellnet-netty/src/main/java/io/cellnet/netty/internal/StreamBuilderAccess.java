package io.cellnet.netty.internal;

import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * How cellnet's own modules read the settings of a {@code StreamPeerBuilder} subclass of theirs:
 * the testing kit's embedded peer builder, which makes its own channels. The builders keep their
 * settings package-private, so that no public signature shows an internal type; the builder
 * package installs the reader here when it is loaded (this package cannot name its types, hence
 * the {@code Object}).
 *
 * <p>Thread safety: the reader is installed once, when the builder class initialises.
 */
public final class StreamBuilderAccess {
    private static volatile @Nullable BiFunction<Object, ChannelKind, TcpPeerConfig> reader;

    private StreamBuilderAccess() {
    }

    /** Installs the reader; called by the builder package when it is loaded. */
    public static void install(BiFunction<Object, ChannelKind, TcpPeerConfig> settingsReader) {
        reader = Objects.requireNonNull(settingsReader, "settingsReader");
    }

    /**
     * The checked settings of {@code builder} (a {@code StreamPeerBuilder} made with its
     * address-parser constructor) for channels of {@code kind}.
     */
    public static TcpPeerConfig config(Object builder, ChannelKind kind) {
        BiFunction<Object, ChannelKind, TcpPeerConfig> r = reader;
        if (r == null) {
            throw new IllegalStateException("no stream peer builder was loaded");
        }
        return r.apply(builder, kind);
    }
}

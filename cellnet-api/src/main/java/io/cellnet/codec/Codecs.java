package io.cellnet.codec;

import io.cellnet.internal.NamedRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Codecs by name (Go's {@code codec.GetCodec} / {@code MustGetCodec}), filled from
 * {@link CodecProvider}s found through {@link java.util.ServiceLoader} when first used.
 *
 * <pre>{@code
 * Codec json = Codecs.get("json");
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Codecs {
    private static final NamedRegistry<Codec> REGISTRY = NamedRegistry.load("codec", CodecProvider.class,
            Codecs::byName, "cellnet-netty (binary, protoplus; json also needs com.fasterxml.jackson.core:jackson-databind)");

    private Codecs() {
    }

    /**
     * The codec named {@code name}.
     *
     * @throws IllegalArgumentException naming the known codecs and the artifact that provides them
     */
    public static Codec get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * Registers a codec under its name, next to those found through {@link CodecProvider}s.
     *
     * @throws IllegalStateException when the name is taken
     */
    public static void register(Codec codec) {
        REGISTRY.register(codec.name(), codec);
    }

    /** The names of every known codec. */
    public static Set<String> names() {
        return REGISTRY.names();
    }

    private static Map<String, Codec> byName(CodecProvider provider) {
        Map<String, Codec> named = new LinkedHashMap<>();
        for (Codec c : provider.codecs()) {
            named.put(c.name(), c);
        }
        return named;
    }
}

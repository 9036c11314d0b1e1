package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.codec.Codecs;
import io.cellnet.proc.ProcessorProvider;
import io.cellnet.proc.Processors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The by-name registries of codecs, processors and peer types. They are process-wide, so every
 * name registered here is unique to the test run.
 */
class RegistriesTest {

    /** How a test reaches one registry: register an entry under a name, look a name up, list names. */
    private record Registry(String kind, Function<String, Runnable> registrar, Consumer<String> lookup,
            Supplier<Set<String>> names) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static ProcessorProvider processor(String name, String... aliases) {
        return new ProcessorProvider() {
            @Override
            public Set<String> names() {
                return namesOf(name, aliases);
            }

            @Override
            public ProcessorBundle create(String processor, EventCallback callback) {
                return new ProcessorBundle(() -> name, EventHooker.identity(), callback);
            }
        };
    }

    private static PeerProvider peerType(String name, String... aliases) {
        return new PeerProvider() {
            @Override
            public Set<String> typeNames() {
                return namesOf(name, aliases);
            }

            @Override
            public GenericPeer create(String typeName, PeerProperty property, ProcessorBundle bundle) {
                throw new UnsupportedOperationException("test provider");
            }
        };
    }

    private static Set<String> namesOf(String name, String... aliases) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        names.addAll(List.of(aliases));
        return names;
    }

    static Stream<Registry> registries() {
        return Stream.of(
                new Registry("codec", name -> () -> Codecs.register(new StubCodec(name)), Codecs::get, Codecs::names),
                new Registry("processor", name -> () -> Processors.register(processor(name)),
                        name -> Processors.bundle(name, EventCallback.NONE), Processors::names),
                new Registry("peer type", name -> () -> Peers.register(peerType(name)),
                        name -> Peers.newGenericPeer(name, "n", "127.0.0.1:0", EventQueue.direct(),
                                new ProcessorBundle(() -> "t", EventHooker.identity(), EventCallback.NONE)),
                        Peers::typeNames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registries")
    void anUnknownNameFailsListingKnownNamesAndNamingTheArtifact(Registry r) {
        String known = unique("known-" + r.kind().replace(' ', '-'));
        r.registrar().apply(known).run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.lookup().accept("nope"));
        String msg = e.getMessage();
        for (String part : List.of("'nope'", "known: [", known, "cellnet-netty", r.kind())) {
            assertTrue(msg.contains(part), "message lacks '" + part + "': " + msg);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registries")
    void aDuplicateRegistrationFails(Registry r) {
        String name = unique("dup");
        r.registrar().apply(name).run();
        IllegalStateException e = assertThrows(IllegalStateException.class, r.registrar().apply(name)::run);
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(r.names().get().contains(name));
    }

    static Stream<Arguments> aliasedProviders() {
        BiConsumer<String, String> processors = (name, alias) -> Processors.register(processor(name, alias));
        BiConsumer<String, String> peers = (name, alias) -> Peers.register(peerType(name, alias));
        Supplier<Set<String>> processorNames = Processors::names;
        Supplier<Set<String>> peerNames = Peers::typeNames;
        return Stream.of(Arguments.of("processor", processors, processorNames),
                Arguments.of("peer type", peers, peerNames));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliasedProviders")
    void aProviderWhoseAliasIsTakenRegistersNoneOfItsNames(String kind, BiConsumer<String, String> register,
            Supplier<Set<String>> names) {
        String taken = unique("taken");
        String fresh = unique("fresh");
        register.accept(taken, unique("alias"));
        assertThrows(IllegalStateException.class, () -> register.accept(fresh, taken));
        assertFalse(names.get().contains(fresh), "half of a refused " + kind + " provider was registered");
    }

    @Test
    void registeredEntriesAreFoundByNameAndAlias() {
        StubCodec codec = new StubCodec(unique("codec"));
        Codecs.register(codec);
        assertSame(codec, Codecs.get(codec.name()));
        String name = unique("proc");
        String alias = unique("proc-alias");
        Processors.register(processor(name, alias));
        EventCallback callback = ev -> { };
        assertEquals(name, Processors.bundle(alias, callback).transmitter().name());
        assertSame(callback, Processors.bundle(name, callback).callback());
    }
}

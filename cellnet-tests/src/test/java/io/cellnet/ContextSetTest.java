package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.testing.FakeSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's TestContextSet and the typed keys, for every {@link ContextSet} in the API. */
class ContextSetTest {
    private static final ContextKey<Integer> LEVEL = ContextKey.of("level", Integer.class);

    static Stream<Arguments> contextSets() {
        Supplier<ContextSet> map = ContextSet::create;
        Supplier<ContextSet> meta = () -> MessageMeta.of(ContextSetTest.class, new StubCodec("stub"));
        Supplier<ContextSet> session = () -> new FakeSession(1);
        return Stream.of(Arguments.of("ContextSet.create()", map), Arguments.of("MessageMeta", meta),
                Arguments.of("FakeSession", session));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextSets")
    void aNullValueIsAValueAsInGo(String label, Supplier<ContextSet> factory) {
        ContextSet ctx = factory.get();
        assertFalse(ctx.containsContext("sd"));
        ctx.setContext("sd", null);
        assertTrue(ctx.containsContext("sd"), "a key set to null is not contained");
        assertNull(ctx.getContext("sd"));
        assertNull(ctx.fetchContext("sd", ConcurrentHashMap.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextSets")
    void absentKeysReadAsNull(String label, Supplier<ContextSet> factory) {
        ContextSet ctx = factory.get();
        assertNull(ctx.getContext("missing"));
        assertNull(ctx.fetchContext("missing", String.class));
        assertNull(ctx.getContext(LEVEL));
        assertNull(ctx.removeContext("missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextSets")
    void typedKeysStoreAndReadTypedValues(String label, Supplier<ContextSet> factory) {
        ContextSet ctx = factory.get();
        ContextKey<Integer> sameName = ContextKey.of("level", Integer.class);
        ctx.setContext(LEVEL, 7);
        Integer level = ctx.getContext(LEVEL);
        assertEquals(7, level);
        assertNull(ctx.getContext(sameName), "keys with the same name are not distinct");
        assertTrue(ctx.containsContext(LEVEL));
        assertFalse(ctx.containsContext("level"), "a typed key collides with its name");
        ctx.setContext(LEVEL, null);
        assertTrue(ctx.containsContext(LEVEL));
        assertNull(ctx.getContext(LEVEL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextSets")
    void fetchingAsTheWrongTypeNamesBothTypes(String label, Supplier<ContextSet> factory) {
        ContextSet ctx = factory.get();
        ctx.setContext("player", "alice");
        ClassCastException e = assertThrows(ClassCastException.class, () -> ctx.fetchContext("player", Map.class));
        assertTrue(e.getMessage().contains(String.class.getName()) && e.getMessage().contains(Map.class.getName())
                && e.getMessage().contains("player"), e.getMessage());
        ctx.setContext((Object) LEVEL, "not an integer");
        ClassCastException typed = assertThrows(ClassCastException.class, () -> ctx.getContext(LEVEL));
        assertTrue(typed.getMessage().contains(Integer.class.getName()), typed.getMessage());
        assertEquals("alice", ctx.fetchContext("player", CharSequence.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextSets")
    void removeReturnsTheValueAndForgetsTheKey(String label, Supplier<ContextSet> factory) {
        ContextSet ctx = factory.get();
        ctx.setContext("k", "v");
        ctx.setContext("nullValued", null);
        assertEquals("v", ctx.removeContext("k"));
        assertFalse(ctx.containsContext("k"));
        assertNull(ctx.removeContext("nullValued"));
        assertFalse(ctx.containsContext("nullValued"));
        ctx.setContext("k", "again");
        assertEquals("again", ctx.getContext("k"));
    }
}

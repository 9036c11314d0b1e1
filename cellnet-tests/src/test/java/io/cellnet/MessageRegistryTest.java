package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration rules, system messages and lookups of {@link MessageRegistry} and {@link MessageMeta}. */
class MessageRegistryTest {
    private static final Codec CODEC = new StubCodec("stub");
    private static final String[] COLLIDING = collidingNames();

    record Ping() {
    }

    record Pong() {
    }

    record Pang() {
    }

    private final MessageRegistry registry = MessageRegistry.create();

    /** Two different full names with the same 16-bit id, found by brute force. */
    private static String[] collidingNames() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0;; i++) {
            String name = "collide.M" + i;
            String earlier = seen.putIfAbsent(StringHash.hash(name), name);
            if (earlier != null && StringHash.hash(name) != 0) {
                return new String[] {earlier, name};
            }
        }
    }

    /** A non-empty full name whose hash is 0, found by brute force. */
    private static String zeroHashName() {
        for (int i = 0;; i++) {
            String name = "zero.M" + i;
            if (StringHash.hash(name) == 0) {
                return name;
            }
        }
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of("duplicate class", MessageMeta.of(Ping.class, "t.Ping", CODEC),
                        MessageMeta.of(Ping.class, "t.Other", CODEC), "class"),
                Arguments.of("duplicate full name", MessageMeta.of(Ping.class, "t.Same", CODEC),
                        MessageMeta.of(Pong.class, "t.Same", CODEC), "full name"),
                Arguments.of("duplicate id", MessageMeta.of(Ping.class, COLLIDING[0], CODEC),
                        MessageMeta.of(Pong.class, COLLIDING[1], CODEC), "id " + StringHash.hash(COLLIDING[0])),
                Arguments.of("id of a system message", MessageMeta.of(Ping.class, "t.Ping", CODEC),
                        MessageMeta.of(Pong.class, "t.FakeAccepted", 43922, CODEC), "id 43922"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflicts")
    void aConflictFailsNamingBothTypesAndRegistersNothing(String label, MessageMeta first, MessageMeta second,
            String what) {
        registry.register(first);
        MessageMeta taken = second.id() == 43922 ? registry.byId(43922) : first;
        List<MessageMeta> before = registry.all();
        MessageMeta typeBefore = registry.byType(second.type());
        MessageMeta idBefore = registry.byId(second.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.register(second));
        String msg = e.getMessage();
        for (String part : List.of(second.fullName(), second.type().getName(), taken.fullName(),
                taken.type().getName(), what)) {
            assertTrue(msg.contains(part), "message lacks '" + part + "': " + msg);
        }
        assertEquals(before, registry.all(), "a refused meta was registered by full name");
        assertSame(typeBefore, registry.byType(second.type()), "a refused meta was registered by class");
        assertSame(idBefore, registry.byId(second.id()), "a refused meta was registered by id");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 0x10000})
    void anIdOutside1To65535IsRefusedNamingTheType(int id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageMeta.of(Ping.class, "t.Ping", id, CODEC));
        assertTrue(e.getMessage().contains(Ping.class.getName()) && e.getMessage().contains("t.Ping"), e.getMessage());
    }

    @Test
    void aFullNameHashingToZeroIsRefused() {
        String name = zeroHashName();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageMeta.of(Pong.class, name, CODEC));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(Pong.class.getName()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessageMeta.of(Pong.class, "", 5, CODEC));
    }

    static Stream<Arguments> systemMessages() {
        return Stream.of(
                Arguments.of(SessionAccepted.class, "cellnet.SessionAccepted", 43922),
                Arguments.of(SessionConnected.class, "cellnet.SessionConnected", 20908),
                Arguments.of(SessionConnectError.class, "cellnet.SessionConnectError", 909),
                Arguments.of(SessionClosed.class, "cellnet.SessionClosed", 40147),
                Arguments.of(SessionInit.class, "cellnet.SessionInit", 27629));
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("systemMessages")
    void systemMessagesArePreRegisteredWithGoIds(Class<?> type, String fullName, int id) {
        for (MessageRegistry r : List.of(registry, MessageRegistry.global())) {
            MessageMeta meta = r.byId(id);
            assertTrue(meta != null && meta.isSystem(), "no system meta with id " + id);
            assertEquals(type, meta.type());
            assertEquals(fullName, meta.fullName());
            assertSame(meta, r.byType(type));
            assertSame(meta, r.byFullName(fullName));
            assertThrows(CodecException.class, () -> meta.codec().encode(SessionAccepted.INSTANCE));
        }
    }

    @Test
    void aNewRegistryHoldsExactlyTheSystemMessagesInFullNameOrder() {
        List<String> names = registry.all().stream().map(MessageMeta::fullName).toList();
        assertEquals(List.of("cellnet.SessionAccepted", "cellnet.SessionClosed", "cellnet.SessionConnectError",
                "cellnet.SessionConnected", "cellnet.SessionInit"), names);
        assertSame(MessageRegistry.global(), MessageRegistry.global());
    }

    @Test
    void looksUpByIdClassMessageAndFullName() {
        MessageMeta meta = registry.register(MessageMeta.of(Ping.class, CODEC));
        assertEquals("cellnet.Ping", meta.fullName());
        assertEquals(StringHash.hash("cellnet.Ping"), meta.id());
        assertFalse(meta.isSystem());
        assertSame(meta, registry.byId(meta.id()));
        assertSame(meta, registry.byType(Ping.class));
        assertSame(meta, registry.byMessage(new Ping()));
        assertSame(meta, registry.byFullName("cellnet.Ping"));
        assertNull(registry.byType(Pong.class));
        assertNull(registry.byMessage(new Pong()));
        assertNull(registry.byFullName("cellnet.Pong"));
        assertNull(MessageRegistry.create().byType(Ping.class), "registries are not isolated");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 0x10000, Integer.MAX_VALUE, 12345})
    void byIdOfAnUnusedOrImpossibleIdIsNull(int id) {
        assertNull(registry.byId(id));
    }

    @Test
    void visitMatchesARegexAnywhereInTheFullNameInOrder() {
        registry.register(MessageMeta.of(Ping.class, "tst.Alpha", CODEC));
        registry.register(MessageMeta.of(Pong.class, "tst.Beta", CODEC));
        registry.register(MessageMeta.of(Pang.class, "other.AlphaX", CODEC));
        assertEquals(List.of("other.AlphaX", "tst.Alpha"), visited("Alpha", Integer.MAX_VALUE));
        assertEquals(List.of("tst.Alpha", "tst.Beta"), visited("^tst\\.", Integer.MAX_VALUE));
        assertEquals(List.of(), visited("^Alpha$", Integer.MAX_VALUE));
    }

    @Test
    void visitStopsWhenTheVisitorReturnsFalse() {
        assertEquals(List.of("cellnet.SessionAccepted", "cellnet.SessionClosed"), visited("Session", 2));
    }

    private List<String> visited(String regex, int limit) {
        List<String> names = new ArrayList<>();
        registry.visit(Pattern.compile(regex), meta -> {
            names.add(meta.fullName());
            return names.size() < limit;
        });
        return names;
    }

    @Test
    void registerIfAbsentReturnsTheExistingMetaAndStillRefusesConflicts() {
        MessageMeta first = registry.registerIfAbsent(MessageMeta.of(Ping.class, "rpc.Ping", 58645, CODEC));
        assertSame(first, registry.byId(58645));
        assertSame(first, registry.registerIfAbsent(MessageMeta.of(Ping.class, "rpc.Ping", 58645, CODEC)));
        assertThrows(IllegalArgumentException.class,
                () -> registry.registerIfAbsent(MessageMeta.of(Ping.class, "rpc.Ping", 20476, CODEC)));
        assertThrows(IllegalArgumentException.class,
                () -> registry.registerIfAbsent(MessageMeta.of(Pong.class, "rpc.Ping", 58645, CODEC)));
        assertSame(first, registry.byType(Ping.class));
    }

    static Stream<Arguments> defaultFullNames() {
        return Stream.of(
                Arguments.of(String.class, "lang.String"),
                Arguments.of(Ping.class, "cellnet.Ping"),
                Arguments.of(MessageRegistryTest.class, "cellnet.MessageRegistryTest"),
                Arguments.of(Map.Entry.class, "util.Entry"),
                Arguments.of(Pattern.class, "regex.Pattern"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("defaultFullNames")
    void defaultFullNameIsLastPackageSegmentAndSimpleName(Class<?> type, String expected) {
        assertEquals(expected, MessageMeta.defaultFullName(type));
        MessageMeta meta = MessageMeta.of(type, CODEC);
        assertEquals(expected, meta.fullName());
        assertEquals(StringHash.hash(expected), meta.id());
    }

    @Test
    void aJavaClassCanTakeAGoFullNameSoIdsMatch() {
        MessageMeta meta = registry.register(MessageMeta.of(Ping.class, "main.TestEchoACK", CODEC));
        assertEquals(4673, meta.id());
        assertSame(meta, registry.byId(4673));
    }
}

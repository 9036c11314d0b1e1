package io.cellnet;

import io.cellnet.codec.CodecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Message types by id, by class and by full name (Go's {@code meta.go}). Every registry starts with
 * the {@link SystemMessage}s under Go's ids. Peers use {@link #global()} unless given another.
 *
 * <p>Registration refuses, with an {@link IllegalArgumentException} that names both types, a class,
 * a full name or an id that is already taken (16-bit ids collide: check at startup, not in
 * production). Id 0 is refused by {@link MessageMeta}.
 *
 * <p>Thread safety: every method may be called from any thread; lookups do not lock. Register
 * before the peers that use the messages start.
 */
public final class MessageRegistry {
    private static final MessageRegistry GLOBAL = create();

    private final AtomicReferenceArray<MessageMeta> byId = new AtomicReferenceArray<>(0x10000);
    private final ConcurrentHashMap<Class<?>, MessageMeta> byType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MessageMeta> byName = new ConcurrentHashMap<>();
    private volatile boolean unknownAsRaw;

    private MessageRegistry() {
        for (Class<? extends SystemMessage> type : List.of(SessionInit.class, SessionAccepted.class,
                SessionConnected.class, SessionConnectError.class, SessionClosed.class)) {
            register(MessageMeta.system(type, SystemCodec.INSTANCE));
        }
    }

    /** The process-wide registry, used by peers that are not given one. */
    public static MessageRegistry global() {
        return GLOBAL;
    }

    /** A new registry holding only the system messages (for tests and isolated servers). */
    public static MessageRegistry create() {
        return new MessageRegistry();
    }

    /**
     * Registers {@code meta}.
     *
     * @return {@code meta}
     * @throws IllegalArgumentException when its class, full name or id is taken, naming both types, or
     *                                  when its codec cannot encode the class ({@code Codec.check}),
     *                                  naming the class, the field and the codec
     */
    public synchronized MessageMeta register(MessageMeta meta) {
        Objects.requireNonNull(meta, "meta");
        checkFree(byType.get(meta.type()), meta, "class");
        checkFree(byName.get(meta.fullName()), meta, "full name");
        checkFree(byId.get(meta.id()), meta, "id " + meta.id());
        try {
            meta.codec().check(meta.type());
        } catch (CodecException e) {
            throw new IllegalArgumentException("cannot register " + meta.fullName() + " (" + meta.type().getName()
                    + "): the " + meta.codec().name() + " codec cannot encode it: " + e.getMessage(), e);
        }
        byType.put(meta.type(), meta);
        byName.put(meta.fullName(), meta);
        byId.set(meta.id(), meta);
        return meta;
    }

    /**
     * Registers {@code meta} unless a meta for the same class, full name and id is registered
     * already, in which case that one is returned. For modules that ensure their built-in messages
     * (RPC, relay) are present; conflicts still fail as in {@link #register}.
     */
    public synchronized MessageMeta registerIfAbsent(MessageMeta meta) {
        MessageMeta existing = byType.get(meta.type());
        if (existing != null && existing.fullName().equals(meta.fullName()) && existing.id() == meta.id()) {
            return existing;
        }
        return register(meta);
    }

    private static void checkFree(@Nullable MessageMeta existing, MessageMeta meta, String what) {
        if (existing != null) {
            throw new IllegalArgumentException("cannot register " + meta.fullName() + " (" + meta.type().getName()
                    + ", id " + meta.id() + "): its " + what + " is taken by " + existing.fullName() + " ("
                    + existing.type().getName() + ", id " + existing.id() + ")");
        }
    }

    /**
     * When {@code on}, a frame whose id this registry (and the built-in envelopes) do not know is
     * delivered undecoded as a {@link RawPacket} instead of failing the session, so a gateway can
     * forward it without knowing its type (cellmesh's agent). Off by default.
     *
     * @return this registry
     */
    public MessageRegistry deliverUnknownAsRaw(boolean on) {
        unknownAsRaw = on;
        return this;
    }

    /** Whether frames of unknown ids are delivered as {@link RawPacket}s; see {@link #deliverUnknownAsRaw}. */
    public boolean deliversUnknownAsRaw() {
        return unknownAsRaw;
    }

    /** The meta with this id, or {@code null}. */
    public @Nullable MessageMeta byId(int id) {
        return id > 0 && id <= 0xFFFF ? byId.get(id) : null;
    }

    /** The meta of this class, or {@code null}. */
    public @Nullable MessageMeta byType(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return byType.get(type);
    }

    /** The meta of {@code message}'s class, or {@code null}. */
    public @Nullable MessageMeta byMessage(Object message) {
        return byType.get(message.getClass());
    }

    /** The meta with this full name, or {@code null}. */
    public @Nullable MessageMeta byFullName(String fullName) {
        Objects.requireNonNull(fullName, "fullName");
        return byName.get(fullName);
    }

    /**
     * Calls {@code visitor} for each meta whose full name contains a match of {@code regex} (Go's
     * {@code MessageMetaVisit}, which uses {@code MatchString}), in full-name order, until it returns
     * {@code false}.
     */
    public void visit(Pattern regex, Predicate<MessageMeta> visitor) {
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(visitor, "visitor");
        for (MessageMeta meta : all()) {
            if (regex.matcher(meta.fullName()).find() && !visitor.test(meta)) {
                return;
            }
        }
    }

    /** Every registered meta, system messages included, in full-name order. */
    public List<MessageMeta> all() {
        List<MessageMeta> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(MessageMeta::fullName));
        return list;
    }
}

package io.cellnet;

import io.cellnet.codec.Codec;
import java.util.Objects;

/**
 * A registered message type: its Java class, its full name, its 16-bit id and its codec (Go's
 * {@code cellnet.MessageMeta}), plus context values (Go's {@code SetContext}).
 *
 * <p>The full name is what makes ids match Go peers: Go names a type by the last element of its
 * package path and its type name ({@code main.TestEchoACK}), and most ids are
 * {@code StringHash(fullName)}. A Java class can take any full name:
 * <pre>{@code
 * registry.register(MessageMeta.of(EchoAck.class, "main.TestEchoACK", Codecs.get("json")));  // id 4673
 * }</pre>
 * {@link #defaultFullName(Class)} gives Go's convention for a Java class: the last package segment
 * and the simple name.
 *
 * <p>Thread safety: immutable apart from its context, which is thread-safe.
 */
public final class MessageMeta implements ContextSet.Forwarding {
    private final Class<?> type;
    private final String fullName;
    private final int id;
    private final Codec codec;
    private final boolean system;
    private final ContextSet context = ContextSet.create();

    private MessageMeta(Class<?> type, String fullName, int id, Codec codec, boolean system) {
        this.type = Objects.requireNonNull(type, "type");
        this.fullName = Objects.requireNonNull(fullName, "fullName");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (fullName.isEmpty()) {
            throw new IllegalArgumentException("full name of " + type.getName() + " is empty");
        }
        if (id <= 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("message id of " + fullName + " (" + type.getName()
                    + ") must be within 1..65535: " + id);
        }
        this.id = id;
        this.system = system;
    }

    /** A meta whose id is {@code StringHash(fullName)}. */
    public static MessageMeta of(Class<?> type, String fullName, Codec codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(codec, "codec");
        return new MessageMeta(type, fullName, StringHash.hash(fullName), codec, false);
    }

    /** A meta with an explicit id (protoplus-generated Go code hard-codes ids). */
    public static MessageMeta of(Class<?> type, String fullName, int id, Codec codec) {
        return new MessageMeta(type, fullName, id, codec, false);
    }

    /** A meta with {@link #defaultFullName(Class)} and the id hashed from it. */
    public static MessageMeta of(Class<?> type, Codec codec) {
        return of(type, defaultFullName(type), codec);
    }

    static MessageMeta system(Class<? extends SystemMessage> type, Codec placeholder) {
        String fullName = "cellnet." + type.getSimpleName();
        return new MessageMeta(type, fullName, StringHash.hash(fullName), placeholder, true);
    }

    /**
     * Go's full name for a Java class: the last segment of its package and its simple name, for
     * example {@code proto.ChatREQ} for {@code com.game.proto.ChatREQ}.
     */
    public static String defaultFullName(Class<?> type) {
        String pkg = type.getPackageName();
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        return last.isEmpty() ? type.getSimpleName() : last + "." + type.getSimpleName();
    }

    /** The Java class. */
    public Class<?> type() {
        return type;
    }

    /** The full name, for example {@code main.TestEchoACK}. */
    public String fullName() {
        return fullName;
    }

    /** The 16-bit id, 1..65535. */
    public int id() {
        return id;
    }

    /** The codec of the message body. */
    public Codec codec() {
        return codec;
    }

    /** {@code true} for the {@link SystemMessage}s, which never travel on the wire. */
    public boolean isSystem() {
        return system;
    }

    /** The set behind this meta's context methods (Go's {@code SetContext} on a meta). */
    @Override
    public ContextSet context() {
        return context;
    }

    @Override
    public String toString() {
        return "MessageMeta{" + fullName + ", id=" + id + ", type=" + type.getName() + ", codec=" + codec.name() + "}";
    }
}

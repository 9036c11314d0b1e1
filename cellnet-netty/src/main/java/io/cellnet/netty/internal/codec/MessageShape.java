package io.cellnet.netty.internal.codec;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.Unsigned;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a message class in Go's declaration order, with method handles to read them and
 * to build instances, looked up once per class and shared by the binary and protoplus codecs.
 *
 * <p>Records: the record components in order, read through their accessors, built through the
 * canonical constructor. Other classes: the non-static, non-transient, non-synthetic declared
 * fields, superclass fields first, read and written directly (any visibility), built through the
 * no-argument constructor.
 *
 * <p>Thread safety: immutable; {@link #of(Class)} may be called from any thread.
 */
public final class MessageShape {
    private static final ClassValue<MessageShape> CACHE = new ClassValue<>() {
        @Override
        protected MessageShape computeValue(Class<?> type) {
            return new MessageShape(type);
        }
    };

    /**
     * One field. {@code getter} has type {@code (Object)T}; {@code setter} has type
     * {@code (Object,T)void} and is {@code null} for record components.
     */
    public record Member(int index, String name, Class<?> type, Type genericType, boolean unsigned, MethodHandle getter,
            @Nullable MethodHandle setter) {

        /** "com.x.Msg.Name", for error messages. */
        public String describe(Class<?> owner) {
            return owner.getName() + "." + name;
        }
    }

    private final Class<?> type;
    private final List<Member> members;
    /** {@code type.isRecord()}, a native call on Java 17: asked once per decoded message. */
    private final boolean record;
    /** Records: the canonical constructor {@code (T1..Tn)Object}; classes: {@code ()Object}. */
    private final MethodHandle constructor;
    /** Records: {@code (Object[])Object} over the canonical constructor; classes: {@code null}. */
    private final @Nullable MethodHandle spreadConstructor;
    /** Classes: per field {@code (Object,Object)void}; records: empty. */
    private final MethodHandle[] boxedSetters;

    private MessageShape(Class<?> type) {
        this.type = type;
        this.record = type.isRecord();
        checkInstantiable(type);
        try {
            if (type.isRecord()) {
                this.members = recordMembers(type);
                this.constructor = canonicalConstructor(type);
                this.spreadConstructor = constructor.asType(constructor.type().generic())
                        .asSpreader(Object[].class, members.size());
                this.boxedSetters = new MethodHandle[0];
            } else {
                this.members = classMembers(type);
                Constructor<?> ctor = type.getDeclaredConstructor();
                this.constructor = unreflect(ctor).asType(MethodType.methodType(Object.class));
                this.spreadConstructor = null;
                this.boxedSetters = members.stream().map(m -> Objects.requireNonNull(m.setter()).asType(
                        MethodType.methodType(void.class, Object.class, Object.class))).toArray(MethodHandle[]::new);
            }
        } catch (NoSuchMethodException e) {
            throw new CodecException(type.getName() + " needs a no-argument constructor (or must be a record)", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CodecException("cannot access the fields of " + type.getName() + ": " + e, e);
        }
    }

    /** The shape of {@code type}, computed on first use. */
    public static MessageShape of(Class<?> type) {
        return CACHE.get(type);
    }

    public Class<?> type() {
        return type;
    }

    public List<Member> members() {
        return members;
    }

    public boolean isRecord() {
        return record;
    }

    /** Records: {@code (T1..Tn)Object}; classes: {@code ()Object}. */
    public MethodHandle constructor() {
        return constructor;
    }

    /**
     * Builds an instance from boxed field values in declaration order (the slower path, used where
     * values arrive in any order). For classes the no-argument constructor runs first and fields
     * whose value is {@code null} keep what it set.
     */
    public Object construct(@Nullable Object[] values) throws Throwable {
        if (spreadConstructor != null) {
            return (Object) spreadConstructor.invokeExact(values);
        }
        Object instance = (Object) constructor.invokeExact();
        for (int i = 0; i < boxedSetters.length; i++) {
            if (values[i] != null) {
                boxedSetters[i].invokeExact(instance, values[i]);
            }
        }
        return instance;
    }

    /**
     * Whether {@code c} can be a nested message: a concrete class or record of the application,
     * not a JDK type, enum, array, interface or primitive.
     */
    public static boolean isMessageClass(Class<?> c) {
        return !c.isPrimitive() && !c.isArray() && !c.isEnum() && !c.isInterface()
                && !Modifier.isAbstract(c.getModifiers()) && !c.getName().startsWith("java.");
    }

    private static void checkInstantiable(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            throw new CodecException(type.getName() + " is not a message class (a record or a concrete class)");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()) && !type.isRecord()) {
            throw new CodecException(type.getName() + " is an inner class; make it static");
        }
    }

    private static List<Member> recordMembers(Class<?> type) throws IllegalAccessException {
        List<Member> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            MethodHandle getter = unreflect(rc.getAccessor());
            out.add(new Member(out.size(), rc.getName(), rc.getType(), rc.getGenericType(),
                    rc.isAnnotationPresent(Unsigned.class), generic(getter, rc.getType()), null));
        }
        return List.copyOf(out);
    }

    private static MethodHandle canonicalConstructor(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] rcs = type.getRecordComponents();
        Class<?>[] params = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            params[i] = rcs[i].getType();
        }
        MethodHandle ctor = unreflect(type.getDeclaredConstructor(params));
        return ctor.asType(ctor.type().changeReturnType(Object.class));
    }

    private static List<Member> classMembers(Class<?> type) throws IllegalAccessException {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Member> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                open(f);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle getter = lookup.unreflectGetter(f);
                MethodHandle setter = lookup.unreflectSetter(f);
                out.add(new Member(out.size(), f.getName(), f.getType(), f.getGenericType(),
                        f.isAnnotationPresent(Unsigned.class), generic(getter, f.getType()),
                        setter.asType(MethodType.methodType(void.class, Object.class, f.getType()))));
            }
        }
        return List.copyOf(out);
    }

    private static MethodHandle generic(MethodHandle getter, Class<?> valueType) {
        return getter.asType(MethodType.methodType(valueType, Object.class));
    }

    private static MethodHandle unreflect(java.lang.reflect.Method m) throws IllegalAccessException {
        open(m);
        return MethodHandles.lookup().unreflect(m);
    }

    private static MethodHandle unreflect(Constructor<?> c) throws IllegalAccessException {
        open(c);
        return MethodHandles.lookup().unreflectConstructor(c);
    }

    private static void open(AccessibleObject o) {
        o.setAccessible(true);
    }
}

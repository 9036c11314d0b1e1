package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.CreatorProperty;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.impl.FieldProperty;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.MessageShape;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether Jackson treats a message class exactly as the json fast path would, and if so
 * takes the property names and the accessors from Jackson itself. A class qualifies when:
 *
 * <ul>
 *   <li>no Jackson annotation other than a plain {@code @JsonProperty("name")} appears on it, its
 *       supertypes, fields, methods or constructors (classes: only on fields; records also on the
 *       accessors and constructor parameters, where javac copies a component's annotation);
 *   <li>Jackson serializes it with a plain {@link BeanSerializer} whose properties are the fields
 *       of {@link MessageShape}, in the same order, read through a field or a record accessor;
 *   <li>Jackson deserializes it with a plain {@link BeanDeserializer} through the canonical
 *       constructor (records) or the no-argument constructor and the fields (classes), under the
 *       same names;
 *   <li>Jackson and the shape agree on which fields are {@link Unsigned}.
 * </ul>
 *
 * <p>Anything else, including any failure while looking, leaves the class to Jackson.
 *
 * <p>Thread safety: stateless.
 */
final class JsonFlatAudit {
    /** One property as Jackson writes it: its key and the field or method it reads. */
    public record Property(String name, Member accessor) {
    }

    private JsonFlatAudit() {
    }

    /** The properties of {@code shape} in field order, or null if the class does not qualify. */
    public static @Nullable List<Property> properties(MessageShape shape) {
        try {
            if (!annotationsAllowed(shape.type())) {
                return null;
            }
            List<Property> props = serialized(shape);
            return props != null && deserializedAlike(shape, props) ? props : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static boolean annotationsAllowed(Class<?> type) {
        for (Class<?> c : supertypes(type)) {
            boolean record = c.isRecord();
            if (!allowed(c, false)
                    || !Arrays.stream(c.getDeclaredFields()).allMatch(f -> allowed(f, true))
                    || !Arrays.stream(c.getDeclaredMethods()).allMatch(m -> allowed(m, record))
                    || !Arrays.stream(c.getDeclaredConstructors()).allMatch(k -> allowed(k, record))
                    || record && !Arrays.stream(c.getRecordComponents()).allMatch(rc -> allowed(rc, true))) {
                return false;
            }
        }
        return true;
    }

    /** The class, its superclasses and all the interfaces any of them implements. */
    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> c = pending.remove(pending.size() - 1);
            if (c != Object.class && out.add(c)) {
                pending.addAll(Arrays.asList(c.getInterfaces()));
                if (c.getSuperclass() != null) {
                    pending.add(c.getSuperclass());
                }
            }
        }
        return out;
    }

    /** Whether {@code e} (and an executable's parameters) carry no Jackson annotation but a plain rename. */
    private static boolean allowed(AnnotatedElement e, boolean renameAllowed) {
        Stream<Annotation> all = Arrays.stream(e.getDeclaredAnnotations());
        if (e instanceof Executable x) {
            all = Stream.concat(all, Arrays.stream(x.getParameterAnnotations()).flatMap(Arrays::stream));
        }
        return all.allMatch(a -> !isJackson(a) || renameAllowed && isPlainRename(a));
    }

    private static boolean isJackson(Annotation a) {
        Class<? extends Annotation> t = a.annotationType();
        return t.getName().startsWith("com.fasterxml.jackson.") || t.getName().startsWith("java.beans.")
                || t.isAnnotationPresent(JacksonAnnotationsInside.class);
    }

    /** {@code @JsonProperty} with nothing but a name (every other element at its default). */
    private static boolean isPlainRename(Annotation a) {
        if (!(a instanceof JsonProperty)) {
            return false;
        }
        for (Method m : JsonProperty.class.getDeclaredMethods()) {
            try {
                if (!m.getName().equals("value") && !Objects.equals(m.invoke(a), m.getDefaultValue())) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable List<Property> serialized(MessageShape shape) throws Exception {
        JsonSerializer<Object> ser = GoJson.MAPPER.getSerializerProviderInstance().findValueSerializer(shape.type());
        if (ser.getClass() != BeanSerializer.class) {
            return null;
        }
        Iterator<PropertyWriter> writers = ((BeanSerializer) ser).properties();
        List<Property> out = new ArrayList<>();
        for (MessageShape.Member m : shape.members()) {
            PropertyWriter w = writers.hasNext() ? writers.next() : null;
            if (w == null || w.getClass() != BeanPropertyWriter.class || ((BeanPropertyWriter) w).willSuppressNulls()
                    || !reads(shape, m, w.getMember().getMember()) || isUnsigned(w) != m.unsigned()) {
                return null;
            }
            out.add(new Property(w.getName(), w.getMember().getMember()));
        }
        return writers.hasNext() ? null : out;
    }

    /** Whether Jackson's accessor is the field {@code m} itself or, for a record, its accessor. */
    private static boolean reads(MessageShape shape, MessageShape.Member m, Member accessor) {
        if (accessor instanceof Field f) {
            return f.getName().equals(m.name()) && f.getType() == m.type()
                    && (!shape.isRecord() || f.getDeclaringClass() == shape.type());
        }
        return shape.isRecord() && accessor instanceof Method method && method.getName().equals(m.name())
                && method.getParameterCount() == 0 && method.getReturnType() == m.type();
    }

    private static boolean isUnsigned(BeanProperty p) {
        return p.getAnnotation(Unsigned.class) != null;
    }

    private static boolean deserializedAlike(MessageShape shape, List<Property> props) throws Exception {
        DeserializationConfig config = GoJson.MAPPER.getDeserializationConfig();
        DefaultDeserializationContext ctxt = ((DefaultDeserializationContext) GoJson.MAPPER.getDeserializationContext())
                .createDummyInstance(config);
        JsonDeserializer<Object> deser = ctxt.findRootValueDeserializer(config.constructType(shape.type()));
        if (deser.getClass() != BeanDeserializer.class) {
            return false;
        }
        BeanDeserializer bean = (BeanDeserializer) deser;
        ValueInstantiator creator = bean.getValueInstantiator();
        int count = 0;
        for (Iterator<SettableBeanProperty> it = bean.properties(); it.hasNext(); it.next()) {
            count++;
        }
        return count == props.size() && (shape.isRecord() ? viaCanonicalConstructor(config, creator, shape, props)
                : viaFields(bean, creator, shape, props));
    }

    private static boolean viaCanonicalConstructor(DeserializationConfig config, ValueInstantiator creator,
            MessageShape shape, List<Property> props) {
        AnnotatedWithParams ctor = creator.getWithArgsCreator();
        SettableBeanProperty[] args = creator.getFromObjectArguments(config);
        if (!creator.canCreateFromObjectWith() || ctor == null || args == null || args.length != props.size()
                || !(ctor.getAnnotated() instanceof Constructor<?> k)
                || !Arrays.equals(k.getParameterTypes(), shape.members().stream().map(MessageShape.Member::type)
                        .toArray(Class<?>[]::new))) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            SettableBeanProperty a = args[i];
            if (a.getClass() != CreatorProperty.class || a.getCreatorIndex() != i
                    || !a.getName().equals(props.get(i).name()) || isUnsigned(a) != shape.members().get(i).unsigned()) {
                return false;
            }
        }
        return true;
    }

    private static boolean viaFields(BeanDeserializer bean, ValueInstantiator creator, MessageShape shape,
            List<Property> props) {
        if (!creator.canCreateUsingDefault() || creator.canCreateFromObjectWith()) {
            return false;
        }
        List<MessageShape.Member> members = shape.members();
        for (int i = 0; i < members.size(); i++) {
            SettableBeanProperty p = bean.findProperty(props.get(i).name());
            if (p == null || p.getClass() != FieldProperty.class || !p.getName().equals(props.get(i).name())
                    || !(p.getMember().getMember() instanceof Field f) || !f.equals(props.get(i).accessor())
                    || isUnsigned(p) != members.get(i).unsigned()) {
                return false;
            }
        }
        return true;
    }
}

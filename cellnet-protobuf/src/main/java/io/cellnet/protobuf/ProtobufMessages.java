package io.cellnet.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.Objects;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.StringHash;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers protoc-generated messages with Go cellnet's ids, as Go's {@code protoc-gen-msg} does:
 * every top-level message of a {@code .proto} file gets
 * {@code id = StringHash(package + "." + MessageName)} (an empty package gives {@code "." + Name},
 * as in Go), full name {@code package.MessageName} (the protobuf full name), and the
 * {@link GogopbCodec}. Nested messages are not registered, as in Go.
 *
 * <pre>{@code
 * ProtobufMessages.registerFile(MessageRegistry.global(), GameProto.class);   // the outer class
 * ProtobufMessages.registerFile(MessageRegistry.global(), LoginREQ.class);    // or any message of the file
 * }</pre>
 *
 * <p>Thread safety: stateless; registration is as thread-safe as {@link MessageRegistry#register}.
 */
public final class ProtobufMessages {

    private ProtobufMessages() {
    }

    /**
     * Go's id for a top-level message {@code messageName} of a file in {@code protoPackage}:
     * {@code StringHash(protoPackage + "." + messageName)}.
     */
    public static int goId(String protoPackage, String messageName) {
        Objects.requireNonNull(protoPackage, "protoPackage");
        Objects.requireNonNull(messageName, "messageName");
        return StringHash.hash(protoPackage + "." + messageName);
    }

    /**
     * Registers every top-level message of the {@code .proto} file that {@code generated} was
     * generated from: {@code generated} is the file's outer class or any of its top-level message
     * classes (with {@code java_multiple_files} too).
     *
     * @return the registered metas, in the file's order
     * @throws IllegalArgumentException when {@code generated} is not protoc-generated, or when an
     *     id, class or full name is taken (the message names both messages); messages before the
     *     failing one stay registered
     */
    public static List<MessageMeta> registerFile(MessageRegistry registry, Class<?> generated) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(generated, "generated");
        FileDescriptor file = fileOf(generated);
        Class<?> outer = generated.getDeclaringClass() != null ? generated.getDeclaringClass() : generated;
        String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
        List<MessageMeta> metas = new ArrayList<>();
        for (Descriptor d : file.getMessageTypes()) {
            String className = file.getOptions().getJavaMultipleFiles()
                    ? (javaPackage.isEmpty() ? "" : javaPackage + ".") + d.getName()
                    : outer.getName() + "$" + d.getName();
            Class<?> type = load(className, generated);
            int id = goId(file.getPackage(), d.getName());
            metas.add(registry.register(MessageMeta.of(type, d.getFullName(), id, GogopbCodec.INSTANCE)));
        }
        return List.copyOf(metas);
    }

    private static FileDescriptor fileOf(Class<?> generated) {
        try {
            Method m = generated.getMethod("getDescriptor");
            Object d = m.invoke(null);
            if (d instanceof FileDescriptor f) {
                return f;
            }
            if (d instanceof Descriptor md) {
                return md.getFile();
            }
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | NullPointerException e) {
            throw new IllegalArgumentException(generated.getName() + " is not a protoc-generated class: " + e, e);
        }
        throw new IllegalArgumentException(generated.getName() + " is not a protoc-generated class");
    }

    private static Class<?> load(String className, Class<?> generated) {
        try {
            return Class.forName(className, true, generated.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " for a message of the file of "
                    + generated.getName(), e);
        }
    }
}

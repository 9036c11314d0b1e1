package io.cellnet.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.DefaultEventQueue;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.Session;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.testing.FakeSession;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of the exported packages of the library modules
 * ({@link LibraryModule}) refuses {@code null} for each reference parameter not marked {@code @Nullable}
 * with a {@link NullPointerException} that names the parameter, before doing anything else: the
 * way Guava's {@code NullPointerTester} checks a class. Static members and constructors are called
 * with defaults for the other arguments; instance methods on real instances made here (builders,
 * registries, queues, sessions, peers that are built but not started). A new method that forgets
 * its check fails this test.
 */
class NullArgumentsTest {
    private static final ExecutorService CALLS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "null-arguments-test");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void shutdown() {
        CALLS.shutdownNow();
    }

    @Test
    void everyPublicMethodRefusesANullArgumentNamingTheParameter() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> untested = new TreeSet<>();
        int checked = 0;
        for (Class<?> type : publicTypes()) {
            List<Executable> members = new ArrayList<>();
            // an exception's message and cause may be null, as the JDK's
            if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum() && !Throwable.class.isAssignableFrom(type)) {
                members.addAll(List.of(type.getConstructors()));
            }
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == type && !m.isSynthetic() && !m.isBridge() && !isObjectMethod(m)
                        && !(type.isEnum() && m.getName().equals("valueOf"))) {
                    members.add(m);
                }
            }
            Object instance = null;
            for (Executable member : members) {
                boolean isStatic = member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers());
                if (!isStatic && instance == null) {
                    instance = instanceOf(type);
                    if (instance == null) {
                        // an interface without an instance here is a contract users implement; its
                        // library implementations are listed in INSTANCES
                        if (!type.isInterface()) {
                            untested.add(type.getName());
                        }
                        continue;
                    }
                }
                Parameter[] params = member.getParameters();
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType().isPrimitive() || isNullable(params[i])) {
                        continue;
                    }
                    String problem = check(member, isStatic ? null : instance, params, i);
                    if (problem != null) {
                        problems.add(problem);
                    }
                    checked++;
                }
            }
        }
        io.cellnet.netty.Figures.record("null arguments", checked + " parameters of public methods and constructors"
                + " refuse null naming themselves");
        assertTrue(checked > 300, "checked only " + checked + " parameters; untested: " + untested);
        assertEquals("", String.join("\n", problems), problems.size() + " of " + checked + " parameters do not refuse null");
        assertEquals(UNREACHED, untested, "classes whose instance methods this test cannot reach: add an instance"
                + " to INSTANCES (or, for a class that cannot be made here, to UNREACHED)");
    }

    /**
     * Calls {@code member} with {@code null} at {@code index}; a description of what went wrong, or
     * {@code null} when it threw a NullPointerException naming the parameter.
     */
    private static @Nullable String check(Executable member, @Nullable Object target, Parameter[] params, int index) {
        String where = member.getDeclaringClass().getName() + "." + (member instanceof Constructor<?> ? "<init>"
                : member.getName()) + "(" + Stream.of(params).map(p -> p.getType().getSimpleName() + " " + p.getName())
                .reduce((a, b) -> a + ", " + b).orElse("") + ") with null " + params[index].getName();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            if (i != index) {
                args[i] = defaultValue(params[i].getType());
                if (args[i] == null && !params[i].getType().isPrimitive() && !isNullable(params[i])) {
                    return where + ": no default for " + params[i].getType().getName();
                }
            }
        }
        Future<Throwable> call = CALLS.submit(() -> {
            try {
                if (member instanceof Constructor<?> c) {
                    c.newInstance(args);
                } else {
                    ((Method) member).invoke(target, args);
                }
                return null;
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
        });
        Throwable thrown;
        try {
            thrown = call.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return where + ": did not return within 5 s";
        } catch (Exception e) {
            return where + ": the test could not call it: " + e;
        }
        if (thrown == null) {
            return where + ": accepted null";
        }
        if (!(thrown instanceof NullPointerException)) {
            return where + ": threw " + thrown;
        }
        String message = thrown.getMessage();
        if (message == null || !message.contains(params[index].getName())) {
            return where + ": NullPointerException without the parameter's name: " + message;
        }
        return null;
    }

    private static boolean isNullable(Parameter p) {
        return p.getAnnotatedType().isAnnotationPresent(Nullable.class) || p.isAnnotationPresent(Nullable.class);
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Classes whose instance methods are not checked here: made only by a running peer or with
     * arguments this test cannot invent. Their static members and constructors are checked.
     */
    private static final Set<String> UNREACHED = new TreeSet<>(Set.of(
            "io.cellnet.netty.codec.AbstractByteBufCodec", "io.cellnet.netty.heartbeat.HeartbeatHooker",
            "io.cellnet.netty.msglog.MsgLogHooker", "io.cellnet.relay.RelayRecvMsgEvent", "io.cellnet.rpc.RpcException",
            "io.cellnet.testing.CellnetAcceptorExtension", "io.cellnet.testing.EmbeddedPeer",
            // a loop queue starts its own event-loop thread when made: its post/await checks are
            // tested in LoopQueue*Test instead of leaking a thread from here
            "io.cellnet.netty.LoopEventQueue",
            // a gateway binds its ports and a NATS discovery connects when made; a load publisher
            // starts its thread (its one instance method, close, takes no argument)
            "io.cellnet.mesh.gateway.Gateway", "io.cellnet.mesh.nats.NatsDiscovery", "io.cellnet.mesh.LoadPublisher"));

    /** Real instances whose instance methods are checked, by type. */
    private static final Map<Class<?>, Supplier<?>> INSTANCES = new LinkedHashMap<>();

    static {
        MessageRegistry registry = MessageRegistry.create();
        INSTANCES.put(MessageRegistry.class, () -> registry);
        INSTANCES.put(FakeSession.class, FakeSession::new);
        INSTANCES.put(io.cellnet.ContextKey.class, () -> io.cellnet.ContextKey.of("null-test", String.class));
        INSTANCES.put(io.cellnet.MessageMeta.class, () -> io.cellnet.MessageMeta.of(io.cellnet.SessionAccepted.class,
                "null.Test", io.cellnet.netty.codec.json.JsonCodec.INSTANCE));
        INSTANCES.put(io.cellnet.netty.heartbeat.HeartbeatHooker.Builder.class, () -> io.cellnet.netty.heartbeat
                .HeartbeatHooker.builder(String.class, () -> "ping", String.class, p -> "pong"));
        INSTANCES.put(io.cellnet.proc.UnhandledMessages.class, () -> new io.cellnet.proc.UnhandledMessages("null-test"));
        INSTANCES.put(io.cellnet.rpc.RpcRecvMsgEvent.class, () -> new io.cellnet.rpc.RpcRecvMsgEvent(new FakeSession(),
                new io.cellnet.SessionAccepted(), 1));
        INSTANCES.put(io.cellnet.testing.CellnetAcceptorExtension.Builder.class,
                io.cellnet.testing.CellnetAcceptorExtension::tcp);
        INSTANCES.put(io.cellnet.testing.EmbeddedPeerBuilder.class, io.cellnet.testing.EmbeddedPeer::builder);
        INSTANCES.put(io.cellnet.timer.TimerLoop.class, () -> new io.cellnet.timer.TimerLoop(EventQueue.direct(),
                Duration.ofHours(1), t -> { }));
        INSTANCES.put(io.cellnet.Address.class, () -> io.cellnet.Address.parse("127.0.0.1:1"));
        INSTANCES.put(DefaultEventQueue.class, () -> new DefaultEventQueue("null-test", 16,
                DefaultEventQueue.LOGGING_HANDLER));
        INSTANCES.put(EventQueue.Builder.class, () -> EventQueue.builder("null-test"));
        INSTANCES.put(io.cellnet.netty.ws.WsOptions.Builder.class, io.cellnet.netty.ws.WsOptions::builder);
        INSTANCES.put(io.cellnet.PeerProperty.class, () -> io.cellnet.PeerProperty.of("p", "127.0.0.1:1",
                EventQueue.direct()));
        INSTANCES.put(io.cellnet.RecvMsgEvent.class, () -> FakeSession.event(new io.cellnet.SessionAccepted()));
        INSTANCES.put(java.util.regex.Pattern.class, () -> java.util.regex.Pattern.compile(".*"));
        INSTANCES.put(java.nio.ByteBuffer.class, () -> java.nio.ByteBuffer.allocate(0));
        INSTANCES.put(java.net.SocketAddress.class, () -> new java.net.InetSocketAddress("127.0.0.1", 1));
        INSTANCES.put(Session.class, FakeSession::new);
        INSTANCES.put(io.cellnet.metrics.CellnetMetrics.Builder.class, () -> io.cellnet.metrics.CellnetMetrics.builder(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        INSTANCES.put(io.micrometer.core.instrument.MeterRegistry.class,
                io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        INSTANCES.put(EventQueue.class, () -> new DefaultEventQueue("null-test", 16, DefaultEventQueue.LOGGING_HANDLER));
        INSTANCES.put(Peer.class, () -> TcpPeers.acceptor().address("127.0.0.1:0").build());
        INSTANCES.put(io.cellnet.TcpAcceptor.class, () -> TcpPeers.acceptor().address("127.0.0.1:0").build());
        INSTANCES.put(io.cellnet.TcpConnector.class, () -> TcpPeers.connector().address("127.0.0.1:1").build());
        INSTANCES.put(io.cellnet.UdpAcceptor.class, () -> UdpPeers.acceptor().address("127.0.0.1:0").build());
        INSTANCES.put(io.cellnet.UdpConnector.class, () -> UdpPeers.connector().address("127.0.0.1:1").build());
        INSTANCES.put(io.cellnet.netty.TcpAcceptorBuilder.class, TcpPeers::acceptor);
        INSTANCES.put(io.cellnet.netty.TcpConnectorBuilder.class, TcpPeers::connector);
        INSTANCES.put(io.cellnet.netty.UdpAcceptorBuilder.class, UdpPeers::acceptor);
        INSTANCES.put(io.cellnet.netty.UdpConnectorBuilder.class, UdpPeers::connector);
        INSTANCES.put(io.cellnet.netty.StreamPeerBuilder.class, WsPeers::acceptor);
        INSTANCES.put(io.cellnet.netty.PeerBuilder.class, LocalPeers::connector);
        INSTANCES.put(io.cellnet.netty.UdpPeerBuilder.class, UdpPeers::connector);
        INSTANCES.put(io.cellnet.netty.HttpAcceptorBuilder.class, io.cellnet.netty.HttpPeers::acceptor);
        INSTANCES.put(io.cellnet.netty.HttpConnectorBuilder.class, io.cellnet.netty.HttpPeers::connector);
        INSTANCES.put(io.cellnet.netty.http.HtmlRespond.class, () -> io.cellnet.netty.http.HttpRespond.html("t", ""));
        INSTANCES.put(io.cellnet.netty.http.MessageRespond.class, () -> io.cellnet.netty.http.HttpRespond.message("m"));
        INSTANCES.put(io.cellnet.netty.http.StatusRespond.class, () -> io.cellnet.netty.http.HttpRespond.status(200));
        INSTANCES.put(io.cellnet.netty.http.TextRespond.class, () -> io.cellnet.netty.http.HttpRespond.text(200, "t"));
        INSTANCES.put(io.cellnet.netty.http.HttpStatusException.class,
                () -> new io.cellnet.netty.http.HttpStatusException("GET", "/", 500, ""));
        // cellnet-db, cellnet-redis, cellnet-sql: connectors built, not started (no connection, no thread)
        INSTANCES.put(io.cellnet.db.DbPeerBuilder.class, io.cellnet.redis.RedisPeers::connector);
        INSTANCES.put(io.cellnet.redis.RedisConnectorBuilder.class, io.cellnet.redis.RedisPeers::connector);
        INSTANCES.put(io.cellnet.sql.SqlConnectorBuilder.class, io.cellnet.sql.SqlPeers::connector);
        INSTANCES.put(io.cellnet.redis.RedisConnector.class,
                () -> io.cellnet.redis.RedisPeers.connector().address("127.0.0.1:1").build());
        INSTANCES.put(io.cellnet.sql.SqlConnector.class,
                () -> io.cellnet.sql.SqlPeers.connector().address("jdbc:mariadb://127.0.0.1:1/null").build());
        // cellnet-mesh: the in-memory discovery and what is made on it
        io.cellnet.mesh.ServiceId meshId = io.cellnet.mesh.ServiceId.of("nulltest", 1);
        INSTANCES.put(io.cellnet.mesh.Discovery.class, io.cellnet.mesh.InMemoryDiscovery::new);
        INSTANCES.put(io.cellnet.mesh.ServiceId.class, () -> meshId);
        INSTANCES.put(io.cellnet.mesh.ServiceInstance.class,
                () -> io.cellnet.mesh.ServiceInstance.of(meshId, "127.0.0.1", 1));
        INSTANCES.put(io.cellnet.mesh.Registration.class, () -> new io.cellnet.mesh.InMemoryDiscovery()
                .register(io.cellnet.mesh.ServiceInstance.of(meshId, "127.0.0.1", 1)));
        INSTANCES.put(io.cellnet.mesh.SelectionPolicy.class, io.cellnet.mesh.SelectionPolicy::roundRobin);
        INSTANCES.put(io.cellnet.mesh.ServiceConnectors.Builder.class,
                () -> io.cellnet.mesh.ServiceConnectors.builder(new io.cellnet.mesh.InMemoryDiscovery(), "nulltest"));
        INSTANCES.put(io.cellnet.mesh.ServiceConnectors.class, () -> io.cellnet.mesh.ServiceConnectors
                .builder(new io.cellnet.mesh.InMemoryDiscovery(), "nulltest").start());
        INSTANCES.put(io.cellnet.mesh.gateway.Gateway.Builder.class,
                () -> io.cellnet.mesh.gateway.Gateway.builder(new io.cellnet.mesh.InMemoryDiscovery(), EventQueue.direct()));
        INSTANCES.put(io.cellnet.mesh.gateway.RouteTable.class, () -> io.cellnet.mesh.gateway.RouteTable.builder()
                .route(1, "nulltest", io.cellnet.mesh.gateway.RouteMode.values()[0]).build());
        INSTANCES.put(io.cellnet.mesh.gateway.RouteTable.Builder.class, io.cellnet.mesh.gateway.RouteTable::builder);
        INSTANCES.put(io.cellnet.mesh.gateway.ClientMsgEvent.class,
                () -> new io.cellnet.mesh.gateway.ClientMsgEvent(new FakeSession(), new io.cellnet.SessionAccepted(), 1));
        INSTANCES.put(io.cellnet.mesh.nats.NatsDiscovery.Builder.class,
                () -> io.cellnet.mesh.nats.NatsDiscovery.builder("nats://127.0.0.1:1"));
    }

    /** A real instance of {@code type}, or null when the test has none. */
    private static @Nullable Object instanceOf(Class<?> type) {
        Supplier<?> s = INSTANCES.get(type);
        if (s != null) {
            return s.get();
        }
        if (type.isInterface()) {
            return null;
        }
        return made(type);
    }

    /** A value for a parameter of {@code type} other than the one under test. */
    private static @Nullable Object defaultValue(Class<?> type) {
        if (type.isPrimitive()) {
            return primitive(type);
        }
        Supplier<?> s = INSTANCES.get(type);
        if (s != null) {
            return s.get();
        }
        if (type == String.class || type == CharSequence.class) {
            return "x";
        }
        if (type == Object.class) {
            return new io.cellnet.SessionAccepted();
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Class.class) {
            return Object.class;
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (type == List.class || type == Collection.class || type == Iterable.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == CompletableFuture.class) {
            return new CompletableFuture<>();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == io.netty.channel.ChannelOption.class) {
            return io.netty.channel.ChannelOption.SO_KEEPALIVE;
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(NullArgumentsTest.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> method.getName().equals("toString") ? "a " + type.getSimpleName()
                            : method.getName().equals("hashCode") ? 0
                            : method.getName().equals("equals") ? proxy == args[0]
                            : primitive(method.getReturnType()));
        }
        return made(type);
    }

    /** An instance from a public no-argument constructor or factory, a public constant, or a record's defaults. */
    private static @Nullable Object made(Class<?> type) {
        try {
            if (type.isRecord()) {
                RecordComponent[] parts = type.getRecordComponents();
                Class<?>[] types = Stream.of(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
                Object[] values = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    values[i] = defaultValue(types[i]);
                }
                return type.getDeclaredConstructor(types).newInstance(values);
            }
            for (Constructor<?> c : type.getConstructors()) {
                if (c.getParameterCount() == 0) {
                    return c.newInstance();
                }
            }
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == type) {
                    return m.invoke(null);
                }
            }
            for (java.lang.reflect.Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                    return f.get(null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static @Nullable Object primitive(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == char.class) {
            return 'x';
        } else if (type == void.class || !type.isPrimitive()) {
            return null;
        } else if (type == long.class) {
            return 1L;
        } else if (type == double.class) {
            return 1.0;
        } else if (type == float.class) {
            return 1.0f;
        } else if (type == short.class) {
            return (short) 1;
        } else if (type == byte.class) {
            return (byte) 1;
        }
        return 1;
    }

    /** The public types, nested ones included, of the packages the library modules export. */
    private static List<Class<?>> publicTypes() throws IOException {
        List<Class<?>> types = new ArrayList<>();
        for (LibraryModule module : LibraryModule.values()) {
            Path location = module.classes();
            java.nio.file.FileSystem jar = Files.isDirectory(location) ? null
                    : java.nio.file.FileSystems.newFileSystem(location);
            Path root = jar == null ? location : jar.getPath("/");
            try (jar; Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    Path rel = root.relativize(f);
                    String name = rel.toString().replace('/', '.').replace(".class", "");
                    if (rel.getParent() == null || name.startsWith("META-INF") || PublicApiJavadocTest.isInternal(rel.getParent())
                            || name.endsWith("module-info") || name.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> c;
                    try {
                        c = Class.forName(name, false, NullArgumentsTest.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    if (isPublicApi(c)) {
                        types.add(c);
                    }
                }
            }
        }
        return types;
    }

    private static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) {
                return false;
            }
        }
        return !c.isAnnotation();
    }
}

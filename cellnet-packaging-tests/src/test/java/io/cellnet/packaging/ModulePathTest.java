package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user's application on the module path, {@code requires io.cellnet.netty;} and nothing else of
 * cellnet: it compiles against the public packages, it cannot compile against the internal ones,
 * and it runs on what a user of cellnet-netty gets (cellnet-api, cellnet-netty, the Netty modules,
 * SLF4J, JSpecify: no Jackson, no epoll), and with Jackson and epoll when it adds them.
 */
class ModulePathTest {
    @TempDir
    Path dir;

    /** The optional modules that json and epoll need, copied by the POM beside the build. */
    private static final List<Path> OPTIONAL = optionalModules();
    private static final String ADD_OPTIONAL = "--add-modules=com.fasterxml.jackson.databind,"
            + "io.netty.transport.classes.epoll,io.netty.transport.epoll.linux.x86_64";

    @Test
    void aConsumerModuleRunsWithCellnetNettyAlone() throws Exception {
        List<String> lines = run(List.of());

        assertEquals(List.of("CODECS [binary, protoplus]", "CHANNEL NioSocketChannel",
                "ECHO Echo[Msg=hello, Value=1234]"), lines.subList(0, 3));
        assertSecretSaysWhatToOpen(lines.get(3));
        assertEquals(4, lines.size(), lines::toString);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
    void aConsumerModuleRunsWithJacksonAndEpollWhenItAddsThem() throws Exception {
        List<String> lines = run(OPTIONAL, ADD_OPTIONAL);

        assertEquals(List.of("CODECS [binary, httpform, httpjson, json, protoplus]", "CHANNEL EpollSocketChannel",
                "ECHO Echo[Msg=hello, Value=1234]", "ECHO Greeting[Msg=hi]"), lines.subList(0, 4));
        assertSecretSaysWhatToOpen(lines.get(4));
        assertEquals(5, lines.size(), lines::toString);
    }

    /**
     * Compiles the consumer {@code demo.echo} as a user of json would (Jackson on the module path),
     * cleanly, and runs it on cellnet's modules plus {@code extraModules}: its output lines.
     */
    private List<String> run(List<Path> extraModules, String... javaOptions) throws Exception {
        Path classes = dir.resolve("classes");
        Compilation compiled = compile(consumer("echo"), classes, OPTIONAL);
        assertTrue(compiled.success() && compiled.diagnostics().isEmpty(), compiled.diagnostics());

        List<Path> modulePath = new ArrayList<>(List.of(classes));
        modulePath.addAll(TestClassPath.cellnetModules());
        modulePath.addAll(extraModules);
        List<String> args = new ArrayList<>(List.of(javaOptions));
        args.addAll(List.of("--module-path", join(modulePath), "-m", "demo.echo/demo.echo.Main"));
        ChildJvm.Result run = ChildJvm.run(dir, Duration.ofSeconds(60), args);
        assertEquals(0, run.exitCode(), run::describe);
        return run.out().lines().toList();
    }

    /** A message class whose package is not opened: the codec says what module-info must say. */
    private static void assertSecretSaysWhatToOpen(String line) {
        assertTrue(line.startsWith("SECRET binary: cannot encode demo.echo.closed.Secret")
                && line.contains("module demo.echo does not")
                && line.contains(" demo.echo.closed\" to module io.cellnet.netty")
                && line.contains("'opens com.example.msg to io.cellnet.netty;'"), line);
    }

    @Test
    void everyExportedPackageIsVisibleToAConsumerOfCellnetNettyAlone() throws IOException {
        Compilation compiled = compileUsing("io.cellnet.Peer", "io.cellnet.codec.Codecs", "io.cellnet.proc.Processors",
                "io.cellnet.timer.Timers", "io.cellnet.netty.TcpPeers", "io.cellnet.netty.ws.WsOptions",
                "io.cellnet.netty.codec.ByteBufCodec", "io.cellnet.netty.codec.json.JsonCodec",
                "io.cellnet.netty.codec.binary.BinaryCodec", "io.cellnet.netty.codec.protoplus.ProtoplusCodec",
                "io.cellnet.rpc.Rpc", "io.cellnet.relay.Relay", "io.cellnet.netty.rpc.RpcHooker",
                "io.cellnet.netty.relay.RelayHooker", "io.cellnet.netty.msglog.MsgLogHooker",
                "io.cellnet.netty.heartbeat.HeartbeatHooker", "io.netty.channel.Channel", "io.netty.buffer.ByteBuf");

        assertTrue(compiled.success() && compiled.diagnostics().isEmpty(), compiled.diagnostics());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "io.cellnet.netty.internal.Transports,        io.cellnet.netty.internal, io.cellnet.netty",
        "io.cellnet.netty.internal.proc.NettyCodecs,  io.cellnet.netty.internal.proc, io.cellnet.netty",
        "io.cellnet.internal.NamedRegistry,           io.cellnet.internal, io.cellnet",
    })
    void internalPackagesAreNotVisibleToAConsumer(String type, String pkg, String module) throws IOException {
        Compilation compiled = compileUsing(type);

        assertFalse(compiled.success(), compiled.diagnostics());
        assertTrue(compiled.diagnostics().contains("package " + pkg + " is not visible")
                && compiled.diagnostics().contains("package " + pkg + " is declared in module " + module
                        + ", which does not export it"), compiled.diagnostics());
    }

    /** Compiles a module that requires io.cellnet.netty alone and names each of {@code types}. */
    private Compilation compileUsing(String... types) throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module demo.user { requires io.cellnet.netty; }");
        StringBuilder main = new StringBuilder("package demo.user;\npublic final class Main {\n");
        for (int i = 0; i < types.length; i++) {
            main.append("    Class<?> c").append(i).append(" = ").append(types[i]).append(".class;\n");
        }
        write(src.resolve("demo/user/Main.java"), main.append("}\n").toString());
        return compile(src, dir.resolve("classes"), List.of());
    }

    /** The sources of the consumer {@code name} under this module's test resources. */
    private static Path consumer(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ModulePathTest.class.getResource("/consumers/" + name + "/module-info.java"),
                name).toURI()).getParent();
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<Path> optionalModules() {
        Path dir = Path.of(Objects.requireNonNull(System.getProperty("cellnet.optionalModules"),
                "cellnet.optionalModules (set by the POM)"));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String source) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    /** Whether javac succeeded, and its diagnostics, one a line. */
    private record Compilation(boolean success, String diagnostics) {
    }

    /**
     * Compiles the module whose sources are under {@code sourceRoot} as a user would, on cellnet's
     * modules and {@code extraModules}, every lint an error.
     */
    private static Compilation compile(Path sourceRoot, Path out, List<Path> extraModules) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(sourceRoot)) {
            Files.createDirectories(out);
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of()); // not this JVM's class path
            List<Path> modulePath = new ArrayList<>(TestClassPath.cellnetModules());
            modulePath.addAll(extraModules);
            files.setLocationFromPaths(StandardLocation.MODULE_PATH, modulePath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            boolean success = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            return new Compilation(success, diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
    }
}

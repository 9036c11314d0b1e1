package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user's application on the module path, {@code requires io.cellnet.netty;} and nothing else of
 * cellnet: it compiles against the public packages, it cannot compile against the internal ones,
 * and it runs. The module path is what a user of cellnet-netty gets (cellnet-api, cellnet-netty,
 * the Netty modules, SLF4J, JSpecify): no Jackson, no epoll.
 */
class ModulePathTest {
    @TempDir
    Path dir;

    @Test
    void aConsumerModuleCompilesCleanlyAndEchoesAMessage() throws Exception {
        Path classes = dir.resolve("classes");
        Compilation compiled = compile(consumer("echo"), classes);
        assertTrue(compiled.success() && compiled.diagnostics().isEmpty(), compiled.diagnostics());

        ChildJvm.Result run = ChildJvm.run(dir, Duration.ofSeconds(60), List.of(
                "--module-path", modulePath(classes), "-m", "demo.echo/demo.echo.Main"));

        assertEquals(0, run.exitCode(), run::describe);
        List<String> lines = run.out().lines().toList();
        assertEquals("CODECS [binary, protoplus]", lines.get(0), run::describe);
        assertEquals("ECHO Echo[Msg=hello, Value=1234]", lines.get(1), run::describe);
        // A message class whose package is not opened: the codec says what module-info must say.
        String secret = lines.get(2);
        assertTrue(secret.startsWith("SECRET binary: cannot encode demo.echo.closed.Secret")
                && secret.contains("module demo.echo does not")
                && secret.contains(" demo.echo.closed\" to module io.cellnet.netty")
                && secret.contains("'opens com.example.msg to io.cellnet.netty;'"), run::describe);
        assertEquals(3, lines.size(), run::describe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "io.cellnet.netty.internal.Transports,        io.cellnet.netty.internal, io.cellnet.netty",
        "io.cellnet.netty.internal.proc.NettyCodecs,  io.cellnet.netty.internal.proc, io.cellnet.netty",
        "io.cellnet.internal.NamedRegistry,           io.cellnet.internal, io.cellnet",
    })
    void internalPackagesAreNotVisibleToAConsumer(String type, String pkg, String module) throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module demo.sneaky { requires io.cellnet.netty; }");
        write(src.resolve("demo/sneaky/Main.java"), "package demo.sneaky; import " + type
                + "; public final class Main { Class<?> c = " + type.substring(type.lastIndexOf('.') + 1) + ".class; }");

        Compilation compiled = compile(src, dir.resolve("classes"));

        assertFalse(compiled.success(), compiled.diagnostics());
        assertTrue(compiled.diagnostics().contains("package " + pkg + " is not visible")
                && compiled.diagnostics().contains("package " + pkg + " is declared in module " + module
                        + ", which does not export it"), compiled.diagnostics());
    }

    /** The sources of the consumer {@code name} under this module's test resources. */
    private static Path consumer(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ModulePathTest.class.getResource("/consumers/" + name + "/module-info.java"),
                name).toURI()).getParent();
    }

    private static String modulePath(Path consumerClasses) {
        List<Path> path = new ArrayList<>(List.of(consumerClasses));
        path.addAll(TestClassPath.cellnetModules());
        return path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void write(Path file, String source) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    /** Whether javac succeeded, and its diagnostics, one a line. */
    private record Compilation(boolean success, String diagnostics) {
    }

    /** Compiles the module whose sources are under {@code sourceRoot} as a user would, every lint an error. */
    private static Compilation compile(Path sourceRoot, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(sourceRoot)) {
            Files.createDirectories(out);
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of()); // not this JVM's class path
            files.setLocationFromPaths(StandardLocation.MODULE_PATH, TestClassPath.cellnetModules());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            boolean success = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            return new Compilation(success, diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
    }
}

package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The test class path of this module (surefire puts it in {@code java.class.path}): cellnet-api and
 * cellnet-netty (their jars, or their {@code target/classes} when the build stops before
 * {@code package}), the Netty modules, SLF4J and JSpecify they bring, and the test tools.
 */
final class TestClassPath {
    /** cellnet's two modules and what they bring at run time, plus slf4j-simple for the logs. */
    private static final Pattern RUNTIME = Pattern.compile(
            "(cellnet-api|cellnet-netty)[/\\\\-].*|.*[/\\\\](netty-|slf4j-api-|slf4j-simple-|jspecify-)[^/\\\\]*\\.jar");

    private TestClassPath() {
    }

    /** Every entry. */
    static List<Path> entries() {
        return Arrays.stream(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator)))
                .filter(e -> !e.isEmpty()).map(Path::of).toList();
    }

    /**
     * The module path of a user of cellnet-netty: cellnet-api, cellnet-netty, the Netty modules,
     * slf4j-api and jspecify from this class path, and slf4j-simple so that the logs show.
     */
    static List<Path> cellnetModules() {
        List<Path> modules = entries().stream().filter(p -> RUNTIME.matcher(p.toString()).find()).toList();
        assertTrue(modules.stream().anyMatch(p -> p.toString().contains("cellnet-api"))
                && modules.stream().anyMatch(p -> p.toString().contains("cellnet-netty")),
                () -> "cellnet-api or cellnet-netty is not on the test class path: " + entries());
        return modules;
    }
}

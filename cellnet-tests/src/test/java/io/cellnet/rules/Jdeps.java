package io.cellnet.rules;

import io.cellnet.rules.PackageGraph.Edge;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The package dependencies among cellnet's own packages in compiled classes, as the JDK's
 * {@code jdeps -verbose:package} finds them (run in this JVM through {@link ToolProvider}).
 *
 * <p>The classes are copied without their {@code module-info.class} first: jdeps analyses a
 * modular directory or jar only with every module it requires on a module path, and the package
 * edges do not depend on the module declaration.
 */
final class Jdeps {
    /** A package edge of jdeps' output: {@code "   io.cellnet.timer   -> io.cellnet   classes"}. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)(?:\\s+\\S.*)?$");
    private static final String OWN = "io\\.cellnet(\\..*)?";

    private Jdeps() {
    }

    /**
     * The edges between two different {@code io.cellnet} packages of the classes in
     * {@code roots} (directories or jars), copied under {@code work} for the analysis.
     */
    static List<Edge> packageEdges(List<Path> roots, Path work) throws IOException {
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-e", OWN));
        for (int i = 0; i < roots.size(); i++) {
            Path copy = work.resolve("root" + i);
            copyClasses(roots.get(i), copy);
            args.add(copy.toString());
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("no jdeps in this JDK (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("jdeps " + args + " failed (" + status + "): " + err + out);
        }
        return parse(out.toString());
    }

    /** The {@code io.cellnet} package edges of jdeps' {@code -verbose:package} output. */
    static List<Edge> parse(String output) {
        Set<Edge> edges = new LinkedHashSet<>();
        for (String line : output.split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && m.group(1).matches(OWN) && m.group(2).matches(OWN) && !m.group(1).equals(m.group(2))) {
                edges.add(new Edge(m.group(1), m.group(2)));
            }
        }
        return List.copyOf(edges);
    }

    private static void copyClasses(Path root, Path target) throws IOException {
        if (Files.isDirectory(root)) {
            copyTree(root, target);
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            copyTree(jar.getPath("/"), target);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName() == null ? "" : f.getFileName().toString();
                Path relative = from.relativize(f);
                if (name.endsWith(".class") && !name.equals("module-info.class") && !relative.startsWith("META-INF")) {
                    Path dest = to.resolve(relative.toString());
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest);
                }
            }
        }
    }
}

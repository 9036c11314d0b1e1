package io.cellnet.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * House rules on the sources of every library module ({@link LibraryModule}: cellnet-api,
 * cellnet-netty, cellnet-testing, cellnet-protobuf, cellnet-mesh, cellnet-db, cellnet-redis,
 * cellnet-sql): every public top-level type of a package that is not {@code internal} has a
 * Javadoc comment with a sentence about threads, each of its public and protected members (and
 * those of its public nested types) has a Javadoc comment unless it overrides, and every package
 * has a {@code package-info.java} with {@code @NullMarked}. The sources are read as text, in the
 * project's layout: four spaces a level.
 */
class PublicApiJavadocTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)", Pattern.MULTILINE);
    /** A public or protected member of a top-level type (four spaces in) or of a nested one (eight). */
    private static final Pattern MEMBER = Pattern.compile("^( {4}| {8})(?:public|protected)\\s");
    /** A member of a top-level interface, public without saying so: a method, constant or nested record. */
    private static final Pattern INTERFACE_MEMBER = Pattern.compile(
            "^ {4}(?!private\\b|return\\b|throw\\b)(?:(?:default|static|abstract)\\s+)*"
                    + "[\\w<][\\w<>?,.\\[\\] ]*\\s+\\w+\\s*[(=]");
    /** A nested type's declaration, four spaces in. */
    private static final Pattern NESTED_TYPE = Pattern.compile(
            "^ {4}(?:[\\w-]+\\s+)*(?:class|interface|enum|record|@interface)\\s");
    private static final Pattern TOP_LEVEL_INTERFACE = Pattern.compile(
            "^public\\s+(?:sealed\\s+|non-sealed\\s+)?(?:interface|@interface)\\s", Pattern.MULTILINE);
    private static final Pattern NULL_MARKED = Pattern.compile("@(?:org\\.jspecify\\.annotations\\.)?NullMarked\\b");

    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void everyPublicTypeOfAPublicPackageHasJavadocWithAThreadSafetySentence(LibraryModule module) throws IOException {
        List<String> problems = new ArrayList<>();
        int types = 0;
        for (Map.Entry<String, String> file : publicSources(module).entrySet()) {
            types += PUBLIC_TYPE.matcher(file.getValue()).results().count();
            problems.addAll(problemsOf(file.getKey(), file.getValue()));
        }
        assertTrue(types >= module.publicTypes(),
                "found only " + types + " public types under " + module.sources().toAbsolutePath());
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void everyPublicMemberOfAPublicPackageHasJavadoc(LibraryModule module) throws IOException {
        List<String> problems = new ArrayList<>();
        publicSources(module).forEach((name, source) -> problems.addAll(memberProblemsOf(name, source)));
        assertEquals(List.of(), problems);
    }

    /** The sources of the module's packages that are not {@code internal}, by name ({@code module/path}), in order. */
    private static Map<String, String> publicSources(LibraryModule module) throws IOException {
        Path sources = module.sources();
        Map<String, String> files = new LinkedHashMap<>();
        for (Path file : javaFiles(sources)) {
            Path relative = sources.relativize(file);
            if (!isInfoFile(file) && !isInternal(relative.getParent())) {
                files.put(module.directory() + "/" + relative, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void everyPackageHasANullMarkedPackageInfo(LibraryModule module) throws IOException {
        Path sources = module.sources();
        Set<Path> packages = new TreeSet<>();
        for (Path file : javaFiles(sources)) {
            if (!file.getFileName().toString().equals("module-info.java")) {
                packages.add(file.getParent());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            String where = module.directory() + "/" + sources.relativize(dir);
            if (!Files.exists(info)) {
                problems.add(where + ": no package-info.java");
            } else if (!NULL_MARKED.matcher(Files.readString(info, StandardCharsets.UTF_8)).find()) {
                problems.add(where + "/package-info.java: no @NullMarked");
            }
        }
        assertTrue(packages.size() >= 1, "found no package under " + sources.toAbsolutePath());
        assertEquals(List.of(), problems);
    }

    /** Whether {@code packageDir} (relative to the sources) is an {@code internal} package or under one. */
    static boolean isInternal(Path packageDir) {
        for (Path segment : packageDir) {
            if (segment.toString().equals("internal")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInfoFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals("package-info.java") || name.equals("module-info.java");
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The rule violations of one source file's public top-level types. */
    static List<String> problemsOf(String fileName, String source) {
        List<String> problems = new ArrayList<>();
        Matcher m = PUBLIC_TYPE.matcher(source);
        while (m.find()) {
            String javadoc = javadocBefore(source, m.start());
            String where = fileName + ": public type " + m.group(1);
            if (javadoc == null) {
                problems.add(where + " has no Javadoc comment");
            } else if (!javadoc.toLowerCase(Locale.ROOT).contains("thread")) {
                problems.add(where + " has no sentence about threads in its Javadoc");
            }
        }
        return problems;
    }

    /**
     * The public and protected members without a Javadoc comment in one source file whose top-level
     * type is public: those of the top-level type and of its public nested types; a member marked
     * {@code @Override} takes its documentation from what it overrides.
     */
    static List<String> memberProblemsOf(String fileName, String source) {
        List<String> problems = new ArrayList<>();
        if (!PUBLIC_TYPE.matcher(source).find()) {
            return problems;
        }
        boolean inInterface = TOP_LEVEL_INTERFACE.matcher(source).find();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean member = MEMBER.matcher(line).find()
                    || inInterface && INTERFACE_MEMBER.matcher(line).find();
            if (!member || line.startsWith("        ") && !inPublicNestedType(lines, i, inInterface)) {
                continue;
            }
            int end = i - 1;
            boolean overrides = false;
            while (end >= 0 && (lines[end].isBlank() || lines[end].strip().startsWith("@"))) {
                overrides |= lines[end].strip().equals("@Override");
                end--;
            }
            if (!overrides && (end < 0 || !lines[end].strip().endsWith("*/") || !opensJavadoc(lines, end))) {
                problems.add(fileName + ":" + (i + 1) + ": no Javadoc comment on " + line.strip());
            }
        }
        return problems;
    }

    /** Whether the line {@code i}, eight spaces in, is in the body of a public nested type. */
    private static boolean inPublicNestedType(String[] lines, int i, boolean inInterface) {
        for (int j = i - 1; j >= 0; j--) {
            String line = lines[j];
            if (line.startsWith("    ") && !line.startsWith("     ") && !line.isBlank()) {
                if (!NESTED_TYPE.matcher(line).find()) {
                    return false; // a method's body, an initializer, or a comment
                }
                String head = line.strip();
                return head.startsWith("public ") || head.startsWith("protected ")
                        || inInterface && !head.startsWith("private ");
            }
        }
        return false;
    }

    /** Whether the comment that ends on line {@code end} is a Javadoc comment. */
    private static boolean opensJavadoc(String[] lines, int end) {
        for (int j = end; j >= 0; j--) {
            int open = lines[j].lastIndexOf("/*");
            if (open >= 0) {
                return lines[j].startsWith("/**", open);
            }
        }
        return false;
    }

    /** The Javadoc comment right before {@code declaration}, skipping annotations, or null. */
    private static String javadocBefore(String source, int declaration) {
        String[] lines = source.substring(0, declaration).split("\n", -1);
        int end = lines.length - 1;
        while (end >= 0 && (lines[end].isBlank() || lines[end].strip().startsWith("@"))) {
            end--;
        }
        if (end < 0 || !lines[end].strip().endsWith("*/")) {
            return null;
        }
        String head = String.join("\n", List.of(lines).subList(0, end + 1));
        int open = head.lastIndexOf("/*");
        return open >= 0 && head.startsWith("/**", open) ? head.substring(open) : null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "documented         | /** A thing.\\n * <p>Thread safety: immutable. */\\npublic final class A {}  | 0",
        "annotations between| /** Any thread. */\\n@FunctionalInterface\\n@SuppressWarnings(\"x\")\\npublic interface A {} | 0",
        "no javadoc         | package p;\\n\\npublic class A {}                                         | 1",
        "block comment      | /* thread safe */\\npublic record A() {}                                  | 1",
        "no thread sentence | /** A thing. */\\npublic sealed interface A permits B {}                  | 1",
        "comment too early  | /** Threads: any. */\\nimport x.Y;\\npublic enum A { X }                   | 1",
        "not public         | class Hidden {}\\n/** An annotation. */\\npublic @interface Ann {}              | 1",
        "only package-priv  | /** nothing */\\nclass Hidden {}                                          | 0",
    })
    void theCheckerFlagsWhatItShould(String label, String source, int expectedProblems) {
        assertEquals(expectedProblems, problemsOf("Sample.java", source.replace("\\n", "\n")).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "documented        | /** A. Any thread. */\\npublic final class A {\\n    /** Makes one. */\\n    public A() {\\n    }\\n} | 0",
        "undocumented      | /** A. */\\npublic final class A {\\n    public A() {\\n    }\\n\\n    public static final int X = 1;\\n} | 2",
        "block comment     | /** A. */\\npublic class A {\\n    /* no */\\n    protected void run() {\\n    }\\n}   | 1",
        "override          | /** A. */\\npublic class A {\\n    @Override\\n    public String toString() {\\n        return \"\";\\n    }\\n} | 0",
        "annotations       | /** A. */\\npublic class A {\\n    /** Runs. */\\n    @Deprecated\\n    public void run() {\\n    }\\n}    | 0",
        "interface         | /** A. */\\npublic interface A {\\n    /** Runs. */\\n    void run();\\n\\n    <T> T get(Class<T> t);\\n    int X = 1;\\n} | 2",
        "public nested     | /** A. */\\npublic class A {\\n    /** B. */\\n    public static final class B {\\n        public void run() {\\n        }\\n    }\\n} | 1",
        "private nested    | /** A. */\\npublic class A {\\n    private static final class B {\\n        public void run() {\\n        }\\n    }\\n} | 0",
        "anonymous class   | /** A. */\\npublic class A {\\n    private final Runnable r = new Runnable() {\\n        public void run() {\\n        }\\n    };\\n} | 0",
        "package-private   | class A {\\n    public void run() {\\n    }\\n}                                             | 0",
    })
    void theMemberCheckerFlagsWhatItShould(String label, String source, int expectedProblems) {
        assertEquals(expectedProblems, memberProblemsOf("Sample.java", source.replace("\\n", "\n")).size(),
                () -> String.valueOf(memberProblemsOf("Sample.java", source.replace("\\n", "\n"))));
    }

    @ParameterizedTest
    @CsvSource({"io/cellnet/internal, true", "io/cellnet/netty/internal/stream, true", "io/cellnet/netty, false",
        "io/cellnet/netty/codec/json, false", "io/cellnet/internals, false"})
    void internalPackagesAreThoseWithAnInternalSegment(String packageDir, boolean internal) {
        assertEquals(internal, isInternal(Path.of(packageDir)));
    }
}

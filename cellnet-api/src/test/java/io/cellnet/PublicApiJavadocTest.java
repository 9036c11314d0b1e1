package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * House rules on the sources of cellnet-api: every public top-level type has a Javadoc comment
 * with a sentence about threads, and every package has a {@code package-info.java} with
 * {@code @NullMarked}. Paths are relative to the module directory (surefire's working directory).
 */
class PublicApiJavadocTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern NULL_MARKED = Pattern.compile("@(?:org\\.jspecify\\.annotations\\.)?NullMarked\\b");

    @Test
    void everyPublicTypeHasJavadocWithAThreadSafetySentence() throws IOException {
        List<String> problems = new ArrayList<>();
        int types = 0;
        for (Path file : javaFiles()) {
            if (file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String source = Files.readString(file, StandardCharsets.UTF_8);
            types += PUBLIC_TYPE.matcher(source).results().count();
            problems.addAll(problemsOf(SOURCES.relativize(file).toString(), source));
        }
        assertTrue(types >= 50, "found only " + types + " public types under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPackageHasANullMarkedPackageInfo() throws IOException {
        Set<Path> packages = new TreeSet<>();
        for (Path file : javaFiles()) {
            packages.add(file.getParent());
        }
        List<String> problems = new ArrayList<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(SOURCES.relativize(dir) + ": no package-info.java");
            } else if (!NULL_MARKED.matcher(Files.readString(info, StandardCharsets.UTF_8)).find()) {
                problems.add(SOURCES.relativize(info) + ": no @NullMarked");
            }
        }
        assertTrue(packages.size() >= 5, "found only " + packages.size() + " packages");
        assertEquals(List.of(), problems);
    }

    private static List<Path> javaFiles() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "not in the module directory: " + SOURCES.toAbsolutePath());
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("module-info.java")).sorted().toList();
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
}

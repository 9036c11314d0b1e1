package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java} command run to its end in a child JVM, its standard output and error kept in
 * files under a test's temporary directory; killed when it outlives its timeout.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What the child printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        /** Everything, for a failure message. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs {@code java args...}, at most {@code timeout}. */
    static Result run(Path workDir, Duration timeout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(args);
        Path out = workDir.resolve("child.out");
        Path err = workDir.resolve("child.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(new File("/dev/null")).start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        Result result = new Result(ended ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertTrue(ended, () -> "the child JVM did not end within " + timeout + ": " + String.join(" ", command)
                + "\n" + result.describe());
        return result;
    }
}

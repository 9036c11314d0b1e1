package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An example command in a child JVM ({@code java -cp <test class path> io.cellnet.examples.Main ...}),
 * its stdout captured line by line, its stderr (the logs) in a file shown on failure.
 * {@link #terminate()} sends SIGTERM; {@link #close()} kills it if it is still alive.
 */
final class ChildJvm implements AutoCloseable {
    final LineCapture out = new LineCapture();
    private final Process process;
    private final Path errFile;
    private final Thread reader;

    private ChildJvm(String... args) throws IOException {
        errFile = Files.createTempFile("cellnet-example-", ".err");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectInput(new File("/dev/null"))
                .start();
        reader = new Thread(this::pump, "child-stdout-" + args[0]);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code args} in a child JVM. */
    static ChildJvm start(String... args) throws IOException {
        return new ChildJvm(args);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.stream().println(line);
            }
        } catch (IOException e) {
            out.stream().println("(stdout read failed: " + e + ")");
        }
    }

    /** Waits for the bound address a server prints ({@code LISTENING HOST:PORT}). */
    String listening() throws InterruptedException {
        try {
            return out.await(l -> l.startsWith("LISTENING "), InProcess.WAIT).substring("LISTENING ".length());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlogs:\n" + logs(), e);
        }
    }

    /** Sends SIGTERM and returns the exit code, waiting at most {@link InProcess#WAIT}. */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();      // SIGTERM; Process.destroy() would also close our end of stdout
        assertTrue(process.waitFor(InProcess.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                () -> "no exit after SIGTERM; output:\n" + out.text() + "\nlogs:\n" + logs());
        reader.join(InProcess.WAIT.toMillis());
        return process.exitValue();
    }

    /** Kills the child with SIGKILL ({@code kill -9}: no shutdown hook runs) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(InProcess.WAIT.toMillis(), TimeUnit.MILLISECONDS), "alive after SIGKILL");
    }

    /** The child's stderr so far. */
    String logs() {
        try {
            return Files.readString(errFile);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(InProcess.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            reader.join(InProcess.WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(errFile);
    }
}

package io.cellnet.dbtesting;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One server process on 127.0.0.1: a free port chosen once (a restart reuses it), a throwaway
 * directory removed by {@link #close()}, a start that returns when the port accepts connections, a
 * graceful stop and a {@code kill -9}. The command is made anew for each start.
 *
 * <p>Thread safety: not thread-safe; a test drives it from one thread.
 */
public final class ServerProcess implements AutoCloseable {
    /** The longest wait for a server to accept connections after it was started. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final int port;
    private final Path dir;
    private final Supplier<List<String>> command;
    private Process process;

    ServerProcess(String name, Path dir, int port, Supplier<List<String>> command) {
        this.name = name;
        this.dir = dir;
        this.port = port;
        this.command = command;
    }

    /** A free TCP port on 127.0.0.1, as the OS hands out. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new directory under the system's temporary directory. */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on (the same across restarts). */
    public int port() {
        return port;
    }

    /** Its data directory. */
    public Path dir() {
        return dir;
    }

    /** Starts the process and waits until its port accepts connections. */
    public ServerProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            process = new ProcessBuilder(command.get())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (is it installed? scripts/test.sh installs it)", e);
        }
        Process started = process;
        await(name + " accepting on 127.0.0.1:" + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + started.exitValue() + ": " + log());
                    }
                    return accepts();
                });
        return this;
    }

    /** {@code kill -9}: the process dies at once, its clients see their connections reset. */
    public void kill() {
        end(true);
    }

    /** Stops the process gracefully (SIGTERM) and waits for it. */
    public void stop() {
        end(false);
    }

    private void end(boolean force) {
        if (process == null) {
            return;
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        Process ending = process;
        await(name + " exit").atMost(START_TIMEOUT).until(() -> !ending.isAlive());
        await(name + " port closed").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> !accepts());
        process = null;
    }

    /** The server's log so far. */
    public String log() {
        try {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the process and removes its directory. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

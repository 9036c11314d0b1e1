package io.cellnet.mesh;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} child process on 127.0.0.1 and a free port, with JetStream in a
 * temporary store directory, for tests. {@link #kill()} is {@code kill -9}; {@link #restart()}
 * kills it and starts it again on the same port and store. Fails (never skips) when
 * {@code nats-server} is not installed: {@code scripts/test.sh} installs it.
 *
 * <p>Thread safety: use from one thread.
 */
public final class NatsServerProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(20);
    private final int port;
    private final Path store;
    private final Path log;
    private Process process;

    private NatsServerProcess(int port, Path store) throws IOException {
        this.port = port;
        this.store = store;
        this.log = Files.createTempFile("nats-server-", ".log");
        this.process = launch();
    }

    /** Starts a server with JetStream on a free port and waits until it accepts connections. */
    public static NatsServerProcess start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return new NatsServerProcess(port, Files.createTempDirectory("nats-store-"));
    }

    /** The path of the {@code nats-server} binary. */
    public static String binary() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin")) {
            if (new File(dir, "nats-server").canExecute()) {
                return dir + "/nats-server";
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "nats-server").canExecute()) {
                return dir + "/nats-server";
            }
        }
        throw new AssertionError("nats-server is not installed: run scripts/test.sh (it installs Debian's nats-server)"
                + " or apt-get install nats-server");
    }

    private Process launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                "-sd", store.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile())).start();
        await().atMost(START).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("nats-server exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    /** {@code nats://127.0.0.1:<port>}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Kills the server with SIGKILL and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(START.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("nats-server survived SIGKILL");
        }
    }

    /** Kills the server and starts it again on the same port and store. */
    public void restart() throws InterruptedException, IOException {
        kill();
        process = launch();
    }

    /** Kills the server and deletes its store. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(store)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

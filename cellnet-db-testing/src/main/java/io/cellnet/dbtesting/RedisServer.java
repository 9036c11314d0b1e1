package io.cellnet.dbtesting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} on 127.0.0.1 for tests: no persistence, a free port, optionally a
 * password.
 *
 * <p>Thread safety: not thread-safe; a test drives it from one thread.
 */
public final class RedisServer {
    private RedisServer() {
    }

    /** Starts a server without a password. */
    public static ServerProcess start() {
        return start(null);
    }

    /** Starts a server that requires {@code password} (none when {@code null}). */
    public static ServerProcess start(@Nullable String password) {
        int port = ServerProcess.freePort();
        java.nio.file.Path dir = ServerProcess.tempDir("cellnet-redis-");
        List<String> cmd = new ArrayList<>(List.of(binary(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
        if (password != null) {
            cmd.addAll(List.of("--requirepass", password));
        }
        return new ServerProcess("redis-server", dir, port, () -> cmd).start();
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public static String uri(ServerProcess server) {
        return "redis://127.0.0.1:" + server.port();
    }

    private static String binary() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server"
                : "redis-server";
    }
}

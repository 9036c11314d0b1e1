package io.cellnet.dbtesting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real MariaDB server ({@code mariadbd}) on 127.0.0.1 for tests: a data directory made by
 * {@code mariadb-install-db}, a database {@value #DATABASE} and a user {@value #USER} with password
 * {@value #PASSWORD} (created by an init file at every start), a free port.
 *
 * <p>Thread safety: not thread-safe; a test drives it from one thread.
 */
public final class MariaDbServer {
    /** The database the tests use. */
    public static final String DATABASE = "cellnet";
    /** The user the tests connect as. */
    public static final String USER = "cellnet";
    /** That user's password. */
    public static final String PASSWORD = "cellnet-secret";

    private MariaDbServer() {
    }

    /** Installs a fresh data directory and starts the server on it. */
    public static ServerProcess start() {
        int port = ServerProcess.freePort();
        Path dir = ServerProcess.tempDir("cellnet-mariadb-");
        Path data = dir.resolve("data");
        Path init = dir.resolve("init.sql");
        try {
            Files.writeString(init, "CREATE DATABASE IF NOT EXISTS " + DATABASE + ";\n"
                    + "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "';\n"
                    + "CREATE USER IF NOT EXISTS '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "';\n"
                    + "GRANT ALL ON *.* TO '" + USER + "'@'%';\n"
                    + "GRANT ALL ON *.* TO '" + USER + "'@'localhost';\n");
            Process install = new ProcessBuilder(binary("mariadb-install-db"), "--no-defaults", "--datadir=" + data,
                    "--user=root", "--auth-root-authentication-method=normal")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("install.log").toFile())
                    .start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install MariaDB (scripts/test.sh installs mariadb-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> cmd = List.of(binary("mariadbd"), "--no-defaults", "--user=root", "--datadir=" + data,
                "--socket=" + dir.resolve("sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--init-file=" + init, "--pid-file=" + dir.resolve("pid"),
                "--skip-log-bin", "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=8M");
        return new ServerProcess("mariadbd", dir, port, () -> cmd).start();
    }

    /** {@code jdbc:mariadb://127.0.0.1:PORT/cellnet}. */
    public static String jdbcUrl(ServerProcess server) {
        return "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + DATABASE;
    }

    /** {@link #jdbcUrl} with the user and password in it. */
    public static String jdbcUrlWithCredentials(ServerProcess server) {
        return jdbcUrl(server) + "?user=" + USER + "&password=" + PASSWORD;
    }

    private static String binary(String name) {
        for (String dir : List.of("/usr/sbin/", "/usr/bin/")) {
            if (Files.isExecutable(Path.of(dir + name))) {
                return dir + name;
            }
        }
        return name;
    }
}

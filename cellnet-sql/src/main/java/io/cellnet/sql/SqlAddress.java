package io.cellnet.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The address of a {@link SqlConnector}: a JDBC URL as given, or Go's MySQL DSN
 * ({@code user:password@tcp(host:port)/dbname?param=value}, github.com/go-sql-driver/mysql) turned
 * into one. The DSN's user and password are kept apart (they do not go into the URL); its
 * {@code tcp(...)} address defaults to {@code 127.0.0.1:3306}; Go-only parameters
 * ({@code charset}, {@code parseTime}, {@code loc}, {@code collation}) are dropped, the others passed
 * on as URL parameters. The URL's scheme is {@code jdbc:mariadb:} when MariaDB's driver is on the
 * class path, {@code jdbc:mysql:} otherwise.
 *
 * <p>Thread safety: immutable.
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the DSN's user, or {@code null}
 * @param password the DSN's password, or {@code null}
 */
public record SqlAddress(String jdbcUrl, @Nullable String user, @Nullable String password) {
    private static final Set<String> GO_ONLY = Set.of("charset", "parsetime", "loc", "collation");

    /** Checks the arguments. */
    public SqlAddress {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /**
     * A JDBC URL as it is, or Go's DSN converted.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static SqlAddress parse(String address) {
        Objects.requireNonNull(address, "address");
        if (address.startsWith("jdbc:")) {
            return new SqlAddress(address, null, null);
        }
        return fromGoDsn(address, mariaDbPresent() ? "mariadb" : "mysql");
    }

    /** Go's DSN as a {@code jdbc:<scheme>://} URL. */
    static SqlAddress fromGoDsn(String dsn, String scheme) {
        int slash = dsn.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("neither a JDBC URL nor Go's DSN [user[:password]@][tcp(host:port)]/dbname: "
                    + dsn);
        }
        String head = dsn.substring(0, slash);
        String tail = dsn.substring(slash + 1);
        String user = null;
        String password = null;
        int at = head.lastIndexOf('@');
        if (at >= 0) {
            String credentials = head.substring(0, at);
            head = head.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = colon < 0 ? credentials : credentials.substring(0, colon);
            password = colon < 0 ? null : credentials.substring(colon + 1);
        }
        String hostPort = "127.0.0.1:3306";
        if (!head.isEmpty()) {
            int open = head.indexOf('(');
            String net = open < 0 ? head : head.substring(0, open);
            if (!net.equals("tcp")) {
                throw new IllegalArgumentException("only Go's tcp(host:port) network converts to a JDBC URL, got '"
                        + net + "' in " + dsn);
            }
            if (open >= 0) {
                if (!head.endsWith(")")) {
                    throw new IllegalArgumentException("unclosed tcp( in " + dsn);
                }
                String inner = head.substring(open + 1, head.length() - 1);
                if (!inner.isEmpty()) {
                    hostPort = inner.contains(":") ? inner : inner + ":3306";
                }
            }
        }
        int q = tail.indexOf('?');
        String database = q < 0 ? tail : tail.substring(0, q);
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String param : tail.substring(q + 1).split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                if (!param.isEmpty() && !GO_ONLY.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    kept.add(param);
                }
            }
        }
        String url = "jdbc:" + scheme + "://" + hostPort + "/" + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new SqlAddress(url, user, password);
    }

    private static boolean mariaDbPresent() {
        try {
            Class.forName("org.mariadb.jdbc.Driver", false, SqlAddress.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

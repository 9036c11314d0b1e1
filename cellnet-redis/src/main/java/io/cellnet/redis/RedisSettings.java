package io.cellnet.redis;

import io.cellnet.ReconnectPolicy;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A Redis connector's settings, as its builder made them.
 *
 * <p>Thread safety: immutable.
 *
 * @param address          Go's {@code host:port} or a Redis URI
 * @param password         overrides the address's password when not {@code null}
 * @param database         overrides the address's database when {@code >= 0}
 * @param reconnect        when to try again
 * @param commandTimeout   the longest a command may take
 * @param whenDisconnected what commands do while disconnected
 * @param maxPending       the most commands waiting at a time
 */
record RedisSettings(String address, @Nullable String password, int database, ReconnectPolicy reconnect,
        Duration commandTimeout, DisconnectedCommands whenDisconnected, int maxPending) {

    /** The Redis URI: the address, with the password and database given apart. */
    public RedisURI uri() {
        RedisURI uri = RedisURI.create(address.contains("://") ? address : "redis://" + address);
        if (password != null) {
            uri.setAuthentication(password.toCharArray());
        }
        if (database >= 0) {
            uri.setDatabase(database);
        }
        return uri;
    }
}

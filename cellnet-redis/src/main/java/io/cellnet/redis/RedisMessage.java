package io.cellnet.redis;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pub/sub message, delivered as an event to the connector's callback on its queue, like any other
 * message (see {@link RedisConnector#subscribe}).
 *
 * <p>Thread safety: immutable.
 *
 * @param channel the channel it was published on
 * @param pattern the pattern that matched it, for a {@link RedisConnector#psubscribe} subscription;
 *                {@code null} otherwise
 * @param message the message
 */
public record RedisMessage(String channel, @Nullable String pattern, String message) {

    /** Checks the arguments. */
    public RedisMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(message, "message");
    }
}

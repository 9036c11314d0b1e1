/**
 * The {@link io.cellnet.PeerProvider} that makes the Redis peer by type name (not an API: it is
 * found through {@link java.util.ServiceLoader}).
 */
@NullMarked
package io.cellnet.redis.internal;

import org.jspecify.annotations.NullMarked;

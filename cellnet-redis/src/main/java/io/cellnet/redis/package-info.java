/**
 * The Redis peer: {@link io.cellnet.redis.RedisConnector} (Go's {@code redix.Connector}), built by
 * {@link io.cellnet.redis.RedisPeers} or by type name, and {@link io.cellnet.redis.RedisMessage},
 * the pub/sub event. The Lettuce implementation is package-private here. See docs/db.md.
 */
@NullMarked
package io.cellnet.redis;

import org.jspecify.annotations.NullMarked;

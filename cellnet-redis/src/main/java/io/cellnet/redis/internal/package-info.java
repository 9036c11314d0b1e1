/** The Lettuce implementation of the Redis peer (not an API). */
package io.cellnet.redis.internal;

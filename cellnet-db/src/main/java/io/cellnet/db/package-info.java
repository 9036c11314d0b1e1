/**
 * The database peers' common types. The threading rule of every database peer: game logic never
 * blocks on a database; each call is sent (Redis) or run on a bounded pool (SQL) off the game loop,
 * and its result or its error comes back as a task on the peer's {@link io.cellnet.EventQueue}, in
 * the order the calls complete.
 */
@NullMarked
package io.cellnet.db;

import org.jspecify.annotations.NullMarked;

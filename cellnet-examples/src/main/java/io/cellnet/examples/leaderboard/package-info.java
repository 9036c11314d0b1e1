/**
 * The leaderboard example: players' best scores in a Redis sorted set (the fast path) and in SQL
 * (the source of truth), served over tcp.ltv; the database peers answer on the game's queue.
 */
package io.cellnet.examples.leaderboard;

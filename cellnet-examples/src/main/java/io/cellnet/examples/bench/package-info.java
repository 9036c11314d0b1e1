/**
 * The {@code bench} subcommand: a load client (ping-pong and pipelined) that verifies every echoed
 * frame, the echo servers it drives (cellnet with a queue, cellnet on the event loop, raw Netty),
 * and the idle-connection memory probe.
 */
@NullMarked
package io.cellnet.examples.bench;

import org.jspecify.annotations.NullMarked;

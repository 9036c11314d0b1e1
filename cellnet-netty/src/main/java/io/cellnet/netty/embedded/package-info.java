/**
 * Test support for codec, transmitter and hooker authors: {@link io.cellnet.testing.EmbeddedPeer}
 * runs a real cellnet pipeline (the same transmitter, hookers, session handler and outbound path as
 * a TCP peer) on a Netty {@code EmbeddedChannel}, so a test feeds frames, reads events and frames,
 * and moves time by hand. Nothing here opens a socket or starts a thread.
 */
@NullMarked
package io.cellnet.netty.embedded;

import org.jspecify.annotations.NullMarked;

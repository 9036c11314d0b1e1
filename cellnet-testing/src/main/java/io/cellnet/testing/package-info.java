/**
 * The testing kit for code written on cellnet (the {@code cellnet-testing} artifact, a test-scope
 * dependency). Failures are {@link java.lang.AssertionError}s.
 *
 * <ul>
 *   <li>{@link io.cellnet.testing.FakeSession} and {@link io.cellnet.testing.FakePeer}: a session and
 *       a peer without a transport, to unit-test handlers by calling them with a
 *       {@code new RecvMsgEvent(fakeSession, message)} and looking at what they sent;</li>
 *   <li>{@link io.cellnet.testing.RecordingEventCallback}: records the events a peer delivers, with
 *       bounded waits;</li>
 *   <li>{@link io.cellnet.testing.ManualEventQueue} and {@link io.cellnet.testing.ManualScheduler}:
 *       a queue and a clock that move only when the test says so, for queued callbacks, timers,
 *       reconnect delays, RPC timeouts and UDP session expiry without real waiting (the TCP read
 *       idle timeout and the heartbeat run on the event loop: {@code EmbeddedPeer} moves those);</li>
 *   <li>{@code EmbeddedPeer}: one connection of a real cellnet pipeline on Netty's
 *       {@code EmbeddedChannel}, frame by frame, on virtual time;</li>
 *   <li>two JUnit 5 extensions (they need {@code junit-jupiter-api}, an optional dependency):
 *       {@link io.cellnet.testing.CellnetAcceptorExtension}, an acceptor around a test class, and
 *       {@link io.cellnet.testing.CellnetPeersExtension}, every peer and queue of a test on
 *       loopback, stopped after it, with its connections and buffers checked.</li>
 * </ul>
 * See {@code docs/testing.md}.
 */
@NullMarked
package io.cellnet.testing;

import io.cellnet.RecvMsgEvent;
import org.jspecify.annotations.NullMarked;

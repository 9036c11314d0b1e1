/**
 * Test support shipped with the API, for users' own tests (no Netty, no test framework: failures
 * are {@link java.lang.AssertionError}s).
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
 *       idle timeout and the heartbeat run on the event loop: cellnet-netty's {@code EmbeddedPeer}
 *       moves those).</li>
 * </ul>
 * See {@code docs/testing.md}. cellnet-netty adds an {@code EmbeddedChannel} harness and a JUnit 5
 * extension on top of these.
 */
@NullMarked
package io.cellnet.testing;

import io.cellnet.RecvMsgEvent;

import org.jspecify.annotations.NullMarked;

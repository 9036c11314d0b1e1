/**
 * Test support shipped with the API: {@link io.cellnet.testing.ManualScheduler}, a clock that moves
 * only when a test says so, for timers and for reconnect and idle policies.
 */
@NullMarked
package io.cellnet.testing;

import org.jspecify.annotations.NullMarked;

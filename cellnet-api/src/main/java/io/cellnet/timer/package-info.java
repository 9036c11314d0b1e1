/**
 * Timers that deliver on an {@link io.cellnet.EventQueue} (Go's {@code timer} package):
 * {@link io.cellnet.timer.Timers#after} and {@link io.cellnet.timer.TimerLoop}, over a
 * {@link io.cellnet.timer.Scheduler} that tests can replace with a manual clock.
 */
@NullMarked
package io.cellnet.timer;

import org.jspecify.annotations.NullMarked;

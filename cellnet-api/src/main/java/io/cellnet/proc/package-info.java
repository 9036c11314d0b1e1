/**
 * Processors by name, and the helpers that sit in a callback: the typed
 * {@link io.cellnet.proc.MessageDispatcher} and the blocking {@link io.cellnet.proc.SyncReceiver}
 * (Go's {@code proc} package).
 */
@NullMarked
package io.cellnet.proc;

import org.jspecify.annotations.NullMarked;

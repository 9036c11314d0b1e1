/**
 * {@link io.cellnet.mesh.nats.NatsDiscovery}: the {@link io.cellnet.mesh.Discovery} contract on
 * NATS: presence by heartbeats on core NATS subjects with a time-to-live at every watcher, and the
 * key-value store on JetStream key-value.
 */
@NullMarked
package io.cellnet.mesh.nats;

import org.jspecify.annotations.NullMarked;

/**
 * Service discovery and service connectors: {@link io.cellnet.mesh.Discovery} (register, query,
 * watch, key-value store), its in-memory implementation {@link io.cellnet.mesh.InMemoryDiscovery},
 * {@link io.cellnet.mesh.ServiceConnectors} (one reconnecting connector per discovered instance)
 * and {@link io.cellnet.mesh.SelectionPolicy}. Service ids follow cellmesh's {@code name#index@group}.
 */
@NullMarked
package io.cellnet.mesh;

import org.jspecify.annotations.NullMarked;

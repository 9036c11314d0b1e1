/**
 * A gateway and a backend written against cellnet-api alone (this module's POM has no other
 * dependency): a player logs in with an RPC call that the gateway answers after its own RPC call to
 * the backend, and what the player says is relayed to the backend with the player's session id and
 * name as passthrough values, and relayed back. The peers are made by type name
 * ({@code Peers.newGenericPeer}); cellnet-netty, on the class path at run time, implements them.
 */
@NullMarked
package io.cellnet.examples.logic;

import org.jspecify.annotations.NullMarked;

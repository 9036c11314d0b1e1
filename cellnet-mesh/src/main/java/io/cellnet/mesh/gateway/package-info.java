/**
 * The gateway (cellmesh's agent) and the backend side of it: {@link io.cellnet.mesh.gateway.Gateway}
 * accepts clients and forwards their frames undecoded, by message id, to backend services chosen by
 * a {@link io.cellnet.mesh.gateway.RouteTable}; a backend adds
 * {@link io.cellnet.mesh.gateway.GatewayLink#hooker} to its acceptor, handles client messages as
 * ordinary events ({@code ev.reply(msg)} answers the client) and pushes with
 * {@link io.cellnet.mesh.gateway.GatewayLink}. The envelopes are cellmesh's, under Go's ids.
 */
@NullMarked
package io.cellnet.mesh.gateway;

import org.jspecify.annotations.NullMarked;

/**
 * cellnet-mesh, cellmesh for cellnet-java: service discovery with presence (in memory, or on NATS),
 * one reconnecting connector per discovered service instance with selection policies, per-node load
 * publishing, and a gateway (cellmesh's agent) that routes client frames by message id to backend
 * services without decoding them. Start from {@link io.cellnet.mesh.Discovery}.
 */
// "requires-automatic": jnats is an automatic module (Automatic-Module-Name io.nats.jnats).
@SuppressWarnings("requires-automatic")
module io.cellnet.mesh {
    requires transitive io.cellnet;
    requires transitive io.cellnet.netty;
    requires io.nats.jnats;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.mesh;
    exports io.cellnet.mesh.nats;
    exports io.cellnet.mesh.gateway;

    opens io.cellnet.mesh.gateway to io.cellnet.netty;
}

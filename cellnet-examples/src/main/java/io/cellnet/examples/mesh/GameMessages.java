package io.cellnet.examples.mesh;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.mesh.gateway.MeshMessages;
import io.cellnet.mesh.gateway.RouteMode;
import io.cellnet.mesh.gateway.RouteTable;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;

/**
 * The messages of the mesh examples, protoplus: {@code mesh.HelloREQ{User}} and
 * {@code mesh.HelloACK{User, Server}}, plus the gateway's own ({@link MeshMessages}).
 *
 * <p>Thread safety: stateless.
 */
public final class GameMessages {
    /** The game service's name. */
    public static final String SERVICE = "game";
    /** The gateway's routes: {@code mesh.HelloREQ} to {@code game}, a request. */
    public static final RouteTable ROUTES = RouteTable.builder().route("mesh.HelloREQ", SERVICE, RouteMode.REQUEST).build();

    private GameMessages() {
    }

    /**
     * {@code mesh.HelloREQ}: a user says hello.
     *
     * <p>Thread safety: immutable.
     *
     * @param User the user
     */
    public record HelloREQ(String User) {
    }

    /**
     * {@code mesh.HelloACK}: the answer, naming the instance that answered.
     *
     * <p>Thread safety: immutable.
     *
     * @param User   the user
     * @param Server the answering instance's service id
     */
    public record HelloACK(String User, String Server) {
    }

    /** A registry with both messages and the gateway's. */
    public static MessageRegistry registry() {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(HelloREQ.class, "mesh.HelloREQ", ProtoplusCodec.INSTANCE));
        r.register(MessageMeta.of(HelloACK.class, "mesh.HelloACK", ProtoplusCodec.INSTANCE));
        return MeshMessages.register(r);
    }
}

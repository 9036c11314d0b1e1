package io.cellnet.mesh;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.mesh.gateway.MeshMessages;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;

/** The client messages of the mesh tests, protoplus. */
final class TestMessages {
    private TestMessages() {
    }

    record HelloREQ(String User) {
    }

    record HelloACK(String User, String Server) {
    }

    /** A request the test games never answer: it stays in flight. */
    record HoldREQ(String User) {
    }

    /** A message no route names. */
    record StrayACK(String Text) {
    }

    /** The test messages and the gateway's. */
    static MessageRegistry registry() {
        MessageRegistry r = MessageRegistry.create();
        for (Class<?> type : new Class<?>[] {HelloREQ.class, HelloACK.class, HoldREQ.class, StrayACK.class}) {
            r.register(MessageMeta.of(type, "test." + type.getSimpleName(), ProtoplusCodec.INSTANCE));
        }
        return MeshMessages.register(r);
    }

    static int id(Class<?> type) {
        return io.cellnet.StringHash.hash("test." + type.getSimpleName());
    }
}

package io.cellnet.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.netty.http.HttpConnector;
import io.cellnet.netty.http.MessageRespond;
import io.cellnet.protobuf.testmsg.GogopbTestProto.ContentACK;
import org.junit.jupiter.api.Test;

/**
 * Protobuf bodies over the HTTP peers: an {@code application/x-protobuf} request is decoded by
 * gogopb into a declared route's type, and the connector's gogopb codecs carry both ways.
 */
class GogopbHttpTest {

    @Test
    void aProtobufRequestAndAnswerOverHttp() {
        HttpAcceptor server = HttpPeers.acceptor().address("127.0.0.1:0").route("POST", "/content", ContentACK.class)
                .callback(ev -> {
                    ContentACK req = (ContentACK) ev.message();
                    ev.reply(new MessageRespond(200, req.toBuilder().setValue(req.getValue() + 1).build(), "gogopb"));
                }).build();
        HttpConnector client = null;
        try {
            server.start().join();
            client = HttpPeers.connector().address(server.boundAddress()).requestCodec("gogopb")
                    .responseCodec("gogopb").build();
            client.start().join();
            ContentACK sent = ContentACK.newBuilder().setMsg("hello").setValue(1234).build();
            assertEquals(sent.toBuilder().setValue(1235).build(),
                    client.requestSync("POST", "/content", sent, ContentACK.class));
        } finally {
            if (client != null) {
                client.close();
            }
            server.close();
        }
    }
}

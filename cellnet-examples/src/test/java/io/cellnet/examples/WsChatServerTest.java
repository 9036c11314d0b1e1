package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionConnected;
import io.cellnet.StringHash;
import io.cellnet.TcpConnector;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.examples.chat.ChatMessages;
import io.cellnet.netty.WsPeers;
import io.cellnet.proc.SyncReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ws-chat-server: the page is served, and a WebSocket client speaking the page's protocol (json,
 * {@code [msgid][body]} binary messages) chats with a TCP chat-client through the one room.
 */
@ExtendWith(NoLeftoversExtension.class)
class WsChatServerTest {
    private static final Duration WAIT = InProcess.WAIT;

    @Test
    void browsersAndTcpClientsChatTogether() throws Exception {
        try (InProcess server = InProcess.start("ws-chat-server", "--address", "127.0.0.1:0", "--ws-address",
                "127.0.0.1:0/chat", "--http-address", "127.0.0.1:0")) {
            String tcp = server.listening();
            String ws = server.out.await(l -> l.startsWith("LISTENING ") && !l.endsWith(tcp), WAIT).substring(10);
            String url = server.out.await(l -> l.startsWith("WEB "), WAIT).substring(4);
            checkPage(url, ws);

            MessageRegistry json = ChatMessages.registry("json");
            SyncReceiver browser = new SyncReceiver();
            try (EventQueue queue = EventQueue.create("ws-chat-browser").startLoop();
                    InProcess client = InProcess.start("chat-client", "--address", tcp)) {
                TcpConnector page = WsPeers.connector().address("ws://" + ws + "/chat").queue(queue).registry(json)
                        .callback(browser).build();
                try {
                    page.start();
                    assertNotNull(browser.waitMessage(SessionConnected.class, WAIT));
                    server.out.await("sid10001 joined", WAIT);
                    client.out.await("connected to " + tcp, WAIT);
                    server.out.await("sid1 joined", WAIT);

                    assertEquals(SendResult.QUEUED, page.session().send(new ChatREQ("hello from the browser")));
                    client.out.await("sid10001 say: hello from the browser", WAIT);
                    assertEquals(new ChatACK("hello from the browser", 10001), browser.waitMessage(ChatACK.class, WAIT));

                    client.in.type("hello from the terminal");
                    assertEquals(new ChatACK("hello from the terminal", 1), browser.waitMessage(ChatACK.class, WAIT));
                    client.out.await("sid1 say: hello from the terminal", WAIT);
                } finally {
                    page.close();
                }
                client.in.end();
                client.assertExit(0);
            }
            server.stop();
            server.assertExit(0);
            assertEquals("STOPPED lines=2", server.out.lines().get(server.out.lines().size() - 1));
        }
    }

    private static void checkPage(String url, String ws) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        String page = res.body();
        String port = ws.substring(ws.lastIndexOf(':') + 1);
        for (String expected : List.of("const CHAT_REQ = " + StringHash.hash("proto.ChatREQ") + ";",
                "const CHAT_ACK = " + StringHash.hash("proto.ChatACK") + ";",
                "new WebSocket(\"ws://\" + location.hostname + \":" + port + "/chat\")",
                "ws.binaryType = \"arraybuffer\"", "setUint16(0, msgId, true)")) {
            assertTrue(page.contains(expected), () -> expected + " not in\n" + page);
        }
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(url + "nothing")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }
}

package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.examples.chat.ChatMessages.JoinACK;
import io.cellnet.examples.chat.ChatMessages.JoinREQ;
import io.cellnet.examples.chat.ChatMessages.Member;
import io.cellnet.examples.chat.ChatMessages.PresenceACK;
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
 * ws-chat-server without a browser: the page and its files are served, and a WebSocket client
 * speaking the page's protocol (json, {@code [msgid][body]} binary messages, webchat join and
 * presence) chats with a TCP chat-client through the one room; names are cleaned, blank lines
 * ignored. The page itself is tested in Chromium by {@link ChatPageBrowserTest}.
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

            MessageRegistry json = ChatMessages.webRegistry();
            SyncReceiver browser = new SyncReceiver();
            try (EventQueue queue = EventQueue.create("ws-chat-browser").startLoop();
                    InProcess client = InProcess.start("chat-client", "--address", tcp)) {
                client.out.await("connected to " + tcp, WAIT);
                server.out.await("sid1 joined", WAIT);
                TcpConnector page = WsPeers.connector().address("ws://" + ws + "/chat").queue(queue).registry(json)
                        .callback(browser).build();
                try {
                    page.start();
                    assertNotNull(browser.waitMessage(SessionConnected.class, WAIT));
                    server.out.await("sid10001 joined", WAIT);
                    assertEquals(SendResult.QUEUED, page.session().send(new JoinREQ("  ann\u0007\u200b " + "x".repeat(40))));
                    JoinACK welcome = browser.waitMessage(JoinACK.class, WAIT);
                    assertEquals(new JoinACK(10001, "ann " + "x".repeat(20), List.of(new Member(1, "sid1"))), welcome);
                    server.out.await("sid10001 is ann " + "x".repeat(20), WAIT);

                    assertEquals(SendResult.QUEUED, page.session().send(new ChatREQ("   ")));      // ignored
                    assertEquals(SendResult.QUEUED, page.session().send(new ChatREQ("hello from the browser")));
                    client.out.await("sid10001 say: hello from the browser", WAIT);
                    assertEquals(new ChatACK("hello from the browser", 10001), browser.waitMessage(ChatACK.class, WAIT));

                    client.in.type("hello from the terminal");
                    assertEquals(new ChatACK("hello from the terminal", 1), browser.waitMessage(ChatACK.class, WAIT));
                    client.out.await("sid1 say: hello from the terminal", WAIT);

                    client.in.end();
                    client.assertExit(0);
                    assertEquals(new PresenceACK(1, "sid1", false), browser.waitMessage(PresenceACK.class, WAIT));
                } finally {
                    page.close();
                }
            }
            server.stop();
            server.assertExit(0);
            assertEquals("STOPPED lines=2", server.out.lines().get(server.out.lines().size() - 1));
            assertTrue(server.out.lines().stream().noneMatch(l -> l.matches("sid\\d+ say: *")), server.out.text());
        }
    }

    private static void checkPage(String url, String ws) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
        HttpResponse<String> res = get(http, url);
        assertEquals(200, res.statusCode());
        assertEquals("text/html; charset=utf-8", res.headers().firstValue("Content-Type").orElseThrow());
        String page = res.body();
        String port = ws.substring(ws.lastIndexOf(':') + 1);
        for (String expected : List.of("{\"wsPort\":" + port + ",\"wsPath\":\"/chat\",\"maxMessageBytes\":65536}",
                "<meta name=\"viewport\"", "<label for=\"message\">Message</label>", "<script type=\"module\" src=\"chat.js\">",
                "rel=\"icon\"")) {
            assertTrue(page.contains(expected), () -> expected + " not in\n" + page);
        }
        for (String file : List.of("ws-ltv.js", "chat.js")) {
            HttpResponse<String> js = get(http, url + file);
            assertEquals(200, js.statusCode(), file);
            assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow(), file);
        }
        assertTrue(get(http, url + "ws-ltv.js").body().contains("export class LtvClient"));
        for (String icon : List.of("favicon.ico", "favicon.svg")) {
            HttpResponse<String> res2 = get(http, url + icon);
            assertEquals(200, res2.statusCode(), icon);
            assertEquals("image/svg+xml", res2.headers().firstValue("Content-Type").orElseThrow(), icon);
        }
        assertEquals(404, get(http, url + "nothing").statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}

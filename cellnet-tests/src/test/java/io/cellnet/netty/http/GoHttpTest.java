package io.cellnet.netty.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.Peers;
import io.cellnet.SendResult;
import io.cellnet.netty.HttpPeers;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Go cellnet's TestHttp and TestPrintPage, ported with their paths, bodies and answers: GET
 * /hello_get and POST /hello_post with an httpjson {@code HttpEchoREQ{UserName}} body answer
 * {@code HttpEchoACK{Token:"get"/"post", Status:0}} through an http.Connector; GET / renders the
 * template {@code index} with "world" to exactly {@code <h1>Hello world</h1>}. Each also runs with
 * an event queue, where Go answers 404 (its bug), and the acceptor is stopped at the end, where
 * Go's Stop panics.
 */
class GoHttpTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create();

    /** Go's TestHttp handler: match method and path on the session, answer with a message. */
    private static final EventCallback GO_HANDLER = ev -> {
        HttpRequestInfo req = Objects.requireNonNull(HttpPeers.request(ev.session()));
        if (req.match("GET", "/hello_get")) {
            ev.session().send(new MessageRespond(200, new HttpEchoACK("get", 0), "httpjson"));
        } else if (req.match("POST", "/hello_post")) {
            ev.session().send(HttpRespond.message(new HttpEchoACK("post", 0)));
        }
    };

    @Test
    void testHttpWithoutAQueueAsGo() {
        HttpAcceptor server = net.start(net.httpAcceptor(GO_HANDLER, b -> b));
        requestThenValid(server);
        server.stop().join();
        assertEquals(0, server.port());
    }

    @Test
    void testHttpWithAQueueAnswersWhereGoGives404() {
        EventQueue queue = net.queue("http-handlers");
        HttpAcceptor server = net.start(net.httpAcceptor(GO_HANDLER, b -> b.queue(queue)));
        requestThenValid(server);
    }

    @Test
    void testHttpByTypeNameAndTheHttpProcessor() {
        GenericPeer server = net.track(Peers.newGenericPeer("http.Acceptor", "httpserver", "127.0.0.1:0",
                EventQueue.direct(), Processors.bundle("http", GO_HANDLER)));
        net.start(server);
        HttpAcceptor acceptor = server.as(HttpAcceptor.class);
        assertEquals("http.Acceptor", acceptor.typeName());
        GenericPeer client = net.track(Peers.newGenericPeer("http.Connector", "httpclient",
                acceptor.boundAddress(), EventQueue.direct(), Processors.bundle("http", EventCallback.NONE)));
        net.start(client);
        HttpConnector connector = client.as(HttpConnector.class);
        assertEquals(new HttpEchoACK("get", 0),
                connector.requestSync("GET", "/hello_get", new HttpEchoREQ("kitty_get"), HttpEchoACK.class));
    }

    @Test
    void declaredRoutesDecodeTheBodyAndMayAnswerLaterFromTheQueue() {
        EventQueue queue = net.queue("http-handlers");
        EventQueue later = net.queue("later");
        HttpAcceptor server = net.start(net.httpAcceptor(ev -> {
            if (ev.message() instanceof HttpEchoREQ req) {
                HttpRequestInfo info = Objects.requireNonNull(HttpPeers.request(ev.session()));
                String token = info.method().equals("GET") ? "get" : "post";
                // answered after the callback has returned, from another queue
                later.post(() -> assertEquals(SendResult.QUEUED, ev.reply(new HttpEchoACK(token + ":" + req.UserName(), 0))));
            }
        }, b -> b.queue(queue).route("GET", "/hello_get", HttpEchoREQ.class).route("POST", "/hello_post",
                HttpEchoREQ.class)));
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        assertEquals(new HttpEchoACK("get:kitty_get", 0),
                client.requestSync("GET", "/hello_get", new HttpEchoREQ("kitty_get"), HttpEchoACK.class));
        assertEquals(new HttpEchoACK("post:kitty_post", 0),
                client.requestSync("POST", "/hello_post", new HttpEchoREQ("kitty_post"), HttpEchoACK.class));
    }

    @Test
    void testPrintPage() {
        EventCallback page = ev -> {
            if (Objects.requireNonNull(HttpPeers.request(ev.session())).match("GET", "/")) {
                ev.session().send(new HtmlRespond(200, "index", "world"));
            }
        };
        HttpAcceptor server = net.start(net.httpAcceptor(page, b -> b.templateDir(templates())));
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response r = raw.send(RawHttp.request("GET", "/", "", "")).read();
            assertEquals(200, r.status());
            assertEquals("<h1>Hello world</h1>", r.body());
            assertEquals("text/html; charset=utf-8", r.header("content-type"));
        }
    }

    @Test
    void pageModelsAreEscapedAndFieldsAreRead() {
        HttpAcceptor server = net.start(net.httpAcceptor(ev -> ev.reply(HttpRespond.html("index", "<b>&'\"")),
                b -> b.templateDir(templates())));
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        assertEquals("<h1>Hello &lt;b&gt;&amp;&#39;&#34;</h1>", client.requestSync("GET", "/", null, String.class));
    }

    @Test
    void anUnknownTemplateIs500AndTheServerGoesOn() {
        HttpAcceptor server = net.start(net.httpAcceptor(ev -> {
            String path = Objects.requireNonNull(HttpPeers.request(ev.session())).path();
            ev.reply(HttpRespond.html(path.equals("/") ? "index" : "missing", "x"));
        }, b -> b.templateDir(templates())));
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        HttpStatusException e = org.junit.jupiter.api.Assertions.assertThrows(HttpStatusException.class,
                () -> client.requestSync("GET", "/other", null, String.class));
        assertEquals(500, e.status());
        assertEquals("<h1>Hello x</h1>", client.requestSync("GET", "/", null, String.class));
    }

    private static void requestThenValid(HttpAcceptor server) {
        assertNotEquals(0, server.port());
        HttpConnector client = HttpPeers.connector().name("httpclient").address(server.boundAddress()).build();
        try {
            client.start().join();
            assertEquals(new HttpEchoACK("get", 0),
                    client.requestSync("GET", "/hello_get", new HttpEchoREQ("kitty_get"), HttpEchoACK.class));
            assertEquals(new HttpEchoACK("post", 0),
                    client.requestSync("POST", "/hello_post", new HttpEchoREQ("kitty_post"), HttpEchoACK.class));
        } finally {
            client.close();
        }
    }

    static Path templates() {
        try {
            return Path.of(Objects.requireNonNull(GoHttpTest.class.getResource("/http/templates/index.tpl")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

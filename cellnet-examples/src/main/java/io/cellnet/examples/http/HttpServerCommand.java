package io.cellnet.examples.http;

import io.cellnet.EventQueue;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
import io.cellnet.examples.http.AdminMessages.HttpEchoACK;
import io.cellnet.examples.http.AdminMessages.HttpEchoREQ;
import io.cellnet.examples.http.AdminMessages.NoticeACK;
import io.cellnet.examples.http.AdminMessages.NoticeREQ;
import io.cellnet.examples.http.AdminMessages.StatusACK;
import io.cellnet.netty.HttpAcceptorBuilder;
import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.netty.http.HttpRequestInfo;
import io.cellnet.netty.http.HttpRespond;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code http-server}: a small GM/admin server. Its handler runs on one event queue (the game
 * server's), where the game state lives:
 *
 * <ul>
 *   <li>{@code GET /api/status}: {@code StatusACK} as json;</li>
 *   <li>{@code POST /api/notice} with {@code NoticeREQ{Text}} (json or form): {@code NoticeACK};</li>
 *   <li>Go's TestHttp: {@code GET /hello_get} and {@code POST /hello_post} with
 *       {@code HttpEchoREQ{UserName}} answer {@code HttpEchoACK{Token:"get"/"post", Status:0}}, so Go's
 *       own {@code http.Connector} can be pointed at it;</li>
 *   <li>anything else: the files of {@code --static DIR}, then 404; without {@code --static},
 *       {@code GET /} answers a text listing the endpoints.</li>
 * </ul>
 *
 * <p>Thread safety: runs on the command's thread; the handler runs on the queue.
 */
public final class HttpServerCommand {
    /** Go's TestHttp address. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:8081";
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", DEFAULT_ADDRESS,
            "where to listen, port 0 for any free port; the default is Go's TestHttp's");
    private static final Option STATIC = Option.of("static", "DIR", "none",
            "serve the files of DIR for other GET/HEAD requests (index.html for /)");
    private static final Usage USAGE = Usage.of("http-server", "a GM/admin HTTP server: json endpoints, static files",
            "prints LISTENING HOST:PORT once bound, then STOPPED requests=N after SIGTERM (exit 0)", ADDRESS, STATIC);
    private static final String INDEX = "cellnet GM server: GET /api/status, POST /api/notice {Text},"
            + " GET /hello_get, POST /hello_post {UserName}";

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, HttpServerCommand::run);

    private HttpServerCommand() {
    }

    private static int run(Args args, Console console) throws InterruptedException {
        String dir = args.get(STATIC);
        if (!dir.equals("none") && !Files.isDirectory(Path.of(dir))) {
            throw new IllegalArgumentException("--static " + dir + " is not a directory");
        }
        EventQueue queue = EventQueue.create("http-server").startLoop();
        long started = System.nanoTime();
        AtomicLong requests = new AtomicLong();
        List<String> notices = new ArrayList<>(); // the game state: touched on the queue only
        HttpAcceptorBuilder b = HttpPeers.acceptor().name("http-server").address(args.get(ADDRESS)).queue(queue)
                .route("GET", "/api/status").route("POST", "/api/notice", NoticeREQ.class)
                .route("GET", "/hello_get", HttpEchoREQ.class).route("POST", "/hello_post", HttpEchoREQ.class)
                .callback(ev -> {
                    requests.incrementAndGet();
                    HttpRequestInfo req = Objects.requireNonNull(HttpPeers.request(ev.session()));
                    if (req.match("GET", "/api/status")) {
                        ev.reply(new StatusACK((System.nanoTime() - started) / 1_000_000_000L, requests.get(),
                                notices.size()));
                    } else if (ev.message() instanceof NoticeREQ n) {
                        notices.add(n.Text());
                        ev.reply(new NoticeACK(notices.size(), n.Text()));
                    } else if (ev.message() instanceof HttpEchoREQ) {
                        ev.reply(new HttpEchoACK(req.method().equals("GET") ? "get" : "post", 0));
                    } else if (dir.equals("none") && req.match("GET", "/")) {
                        ev.reply(HttpRespond.text(200, INDEX));
                    } // else: static files, then 404
                });
        if (!dir.equals("none")) {
            b.staticDir(Path.of(dir));
        }
        HttpAcceptor server = b.build();
        try {
            try {
                server.start().join();
            } catch (CompletionException e) {
                console.out().println("FAIL: cannot listen on " + server.address() + ": " + e.getCause());
                return 1;
            }
            console.trapStopSignal();
            console.out().println("LISTENING " + server.boundAddress());
            console.awaitStop();
        } finally {
            server.close();
            queue.close();
        }
        console.out().println("STOPPED requests=" + requests.get());
        return 0;
    }
}

package io.cellnet.examples.http;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
import io.cellnet.examples.http.AdminMessages.HttpEchoREQ;
import io.cellnet.examples.http.AdminMessages.NoticeREQ;
import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.http.HttpConnector;
import io.cellnet.netty.http.HttpStatusException;
import java.time.Duration;

/**
 * {@code http-client}: one request to an HTTP server from the command line, through an
 * {@code http.Connector}; prints {@code OK <answer body>} or {@code FAIL: ...} (exit 1).
 * {@code --user} sends Go's {@code HttpEchoREQ{UserName}}, {@code --notice} a {@code NoticeREQ{Text}};
 * with neither there is no body.
 *
 * <p>Thread safety: runs on the command's thread.
 */
public final class HttpClientCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", HttpServerCommand.DEFAULT_ADDRESS,
            "the server");
    private static final Option METHOD = Option.of("method", "METHOD", "GET", "the HTTP method");
    private static final Option PATH = Option.of("path", "PATH", "/api/status", "the path");
    private static final Option USER = Option.of("user", "NAME", "", "send HttpEchoREQ{UserName: NAME}");
    private static final Option NOTICE = Option.of("notice", "TEXT", "", "send NoticeREQ{Text: TEXT}");
    private static final Option CODEC = Option.of("codec", "httpjson|httpform", "httpjson", "codec of the request body");
    private static final Option TIMEOUT = Option.of("timeout-ms", "MS", "5000", "longest wait for the answer");
    private static final Usage USAGE = Usage.of("http-client", "one HTTP request through an http.Connector",
            "prints OK <answer body>, or FAIL: <reason> and exits 1", ADDRESS, METHOD, PATH, USER, NOTICE, CODEC,
            TIMEOUT);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, HttpClientCommand::run);

    private HttpClientCommand() {
    }

    private static int run(Args args, Console console) {
        Object body = !args.get(USER).isEmpty() ? new HttpEchoREQ(args.get(USER))
                : !args.get(NOTICE).isEmpty() ? new NoticeREQ(args.get(NOTICE)) : null;
        HttpConnector client = HttpPeers.connector().name("http-client").address(args.get(ADDRESS))
                .requestCodec(args.choice(CODEC)).requestTimeout(Duration.ofMillis(args.getPositiveInt(TIMEOUT)))
                .build();
        try {
            client.start().join();
            String answer = client.requestSync(args.get(METHOD), args.get(PATH), body, String.class);
            console.out().println("OK " + answer);
            return 0;
        } catch (HttpStatusException e) {
            console.out().println("FAIL: " + e.getMessage());
            return 1;
        } finally {
            client.close();
        }
    }
}

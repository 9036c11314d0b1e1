package io.cellnet.examples.chat;

import io.cellnet.CloseReason;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.examples.Args;
import io.cellnet.examples.ClientRun;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.proc.MessageDispatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code chat-client}: Go's {@code examples/chat/client}: each line typed on stdin (trimmed) is sent
 * as a {@code ChatREQ}; each {@code ChatACK} is printed as {@code sid<N> say: <text>}. Ends at the
 * end of input (exit 0), or as soon as the server goes away (exit 1, after
 * {@code connection lost: the server went away}), without waiting for the next line.
 *
 * <p>Thread safety: the command's thread waits for the end; a reader thread reads the input and
 * sends; events run on the client's queue.
 */
public final class ChatClientCommand {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", ChatServerCommand.DEFAULT_ADDRESS,
            "the chat server; the default is Go's examples/chat's");
    private static final Usage USAGE = Usage.of("chat-client",
            "Go's chat client: sends stdin lines, prints sid<N> say: <text>", """
            prints connected to HOST:PORT, then sid<N> say: <text> for every line broadcast, and
            "connection lost: the server went away" when it does;
            sends each line typed on stdin; exits 0 at the end of input, 1 as soon as the connection is lost""",
            ADDRESS);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, ChatClientCommand::run);

    private ChatClientCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        MessageRegistry registry = ChatMessages.registry("binary");
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        MessageDispatcher handler = new MessageDispatcher(registry)
                .on(SessionConnected.class, (ev, m) -> console.out().println("connected to " + address))
                .on(ChatACK.class, (ev, m) -> console.out().println(ChatMessages.line(m)))
                .on(SessionClosed.class, (ev, m) -> {
                    if (m.reason() != CloseReason.MANUAL && exit.complete(1)) {
                        console.out().println("connection lost: the server went away");
                    }
                });
        return ClientRun.connect(console, Transport.TCP, "chat-client", address, registry, handler, CONNECT_TIMEOUT,
                session -> chat(console, session, exit));
    }

    /**
     * Sends each input line from a reader thread until the end of input (exit 0) or a refused send
     * (exit 1), while this thread waits for that or for the connection's loss (exit 1 at once: a
     * read of the terminal cannot be interrupted, so the reader thread, a daemon, is left blocked).
     */
    private static int chat(Console console, Session session, CompletableFuture<Integer> exit)
            throws InterruptedException, ExecutionException {
        Thread reader = new Thread(() -> exit.complete(send(console, session)), "chat-client-input");
        reader.setDaemon(true);
        reader.start();
        return exit.get();
    }

    private static int send(Console console, Session session) {
        BufferedReader in = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                SendResult r = session.send(new ChatREQ(line.trim()));
                if (!r.isAccepted()) {
                    console.out().println("FAIL: cannot send (" + r + "): the connection is lost");
                    return 1;
                }
            }
            return 0;
        } catch (IOException e) {
            console.out().println("FAIL: cannot read the input: " + e);
            return 1;
        }
    }
}

package io.cellnet.examples.chat;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.ServerOps;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.proc.MessageDispatcher;
import java.util.List;

/**
 * {@code chat-server}: Go's {@code examples/chat/server}: every line a client sends is broadcast to
 * every client as {@code ChatACK{Content, Id: sender's session id}}; binary codec, one event queue.
 *
 * <p>Thread safety: runs on the command's thread; the handlers run on the queue.
 */
public final class ChatServerCommand {
    /** Go's {@code examples/chat} address. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:18801";
    /** The {@code --address} option: where the TCP chat listens. */
    static final Option ADDRESS = Option.of("address", "HOST:PORT", DEFAULT_ADDRESS,
            "TCP chat for chat-client and Go's chat client (binary codec), port 0 for any free port;"
                    + " the default is Go's examples/chat's");
    private static final Usage USAGE = Usage.of("chat-server",
            "Go's chat server: broadcasts every client's lines to every client", """
            prints LISTENING HOST:PORT, then sid<N> joined / sid<N> say: <text> / sid<N> left;
            STOPPED lines=N after SIGTERM (exit 0); --metrics adds METRICS URL; --drain tells each client
            "server going down" and prints DRAINING/DRAINED""",
            ADDRESS, ServerOps.METRICS, ServerOps.DRAIN);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, ChatServerCommand::run);

    private ChatServerCommand() {
    }

    private static int run(Args args, Console console) throws InterruptedException {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        // on --drain, every client reads one last line from the server (id 0) before it goes down
        ServerOps ops = ServerOps.of(args).withDrainHook(session -> session.send(
                new ChatMessages.ChatACK("server going down, please reconnect later", 0)));
        MessageRegistry registry = ChatMessages.registry("binary");
        EventQueue queue = EventQueue.create("chat-server").startLoop();
        ChatRoom room = new ChatRoom(console.out());
        Endpoint.Server server = Transport.TCP.acceptor(new Endpoint("chat-server", address, queue, registry,
                room.handlers(new MessageDispatcher(registry))));
        room.join(server.sessions());
        return ServerRun.serve(console, queue, List.of(server), ops, List.of(),
                () -> "STOPPED lines=" + room.lines());
    }
}

package io.cellnet.examples.chat;

import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.netty.WsPeers;
import io.cellnet.proc.MessageDispatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ws-chat-server}: the chat server for TCP clients ({@code chat-client}, Go's chat client;
 * binary codec) and browsers (a WebSocket acceptor, {@code ws.ltv}, json codec), both peers on one
 * event queue and in one {@link ChatRoom}, so every line reaches everyone. Serves the web page
 * (plain HTML and JavaScript) on a third address.
 *
 * <p>Thread safety: runs on the command's thread; the handlers run on the one queue.
 */
public final class WsChatServerCommand {
    /** The first session id of web clients (TCP clients count from 1). */
    public static final long WEB_ID_BASE = 10001;
    private static final Option WS_ADDRESS = Option.of("ws-address", "HOST:PORT[/PATH]", "127.0.0.1:18802/chat",
            "WebSocket chat for browsers (ws.ltv, json codec)");
    private static final Option HTTP_ADDRESS = Option.of("http-address", "HOST:PORT", "127.0.0.1:18803",
            "the web page (open the WEB url it prints)");
    private static final Usage USAGE = Usage.of("ws-chat-server",
            "chat for TCP clients and browsers (WebSocket, json), with the web page", """
            prints LISTENING HOST:PORT for TCP and WebSocket, WEB http://HOST:PORT/, then the chat
            (sid<N> joined / say / left; web clients count from 10001); STOPPED lines=N after SIGTERM""",
            ChatServerCommand.ADDRESS, WS_ADDRESS, HTTP_ADDRESS);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, WsChatServerCommand::run);

    private WsChatServerCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        String tcpAddress = args.get(ChatServerCommand.ADDRESS, Transport.TCP::checkAddress);
        String wsAddress = args.get(WS_ADDRESS, Transport.WS::checkAddress);
        String httpAddress = args.get(HTTP_ADDRESS, Transport.TCP::checkAddress);

        EventQueue queue = EventQueue.create("ws-chat-server").startLoop();
        ChatRoom room = new ChatRoom(console.out());
        MessageRegistry binary = ChatMessages.registry("binary");
        MessageRegistry json = ChatMessages.registry("json");
        Endpoint.Server tcp = Transport.TCP.acceptor(new Endpoint("chat-tcp", tcpAddress, queue, binary,
                room.handlers(new MessageDispatcher(binary))));
        Endpoint.Server web = Transport.server(WsPeers.acceptor().name("chat-ws").address(wsAddress).queue(queue)
                .registry(json).idBase(WEB_ID_BASE).callback(room.handlers(new MessageDispatcher(json))).build());
        room.join(tcp.sessions());
        room.join(web.sessions());
        String path = Address.parse(wsAddress).path();
        try (WebPage page = WebPage.start(httpAddress, () -> Map.of("WS_PORT", String.valueOf(web.port().getAsInt()),
                "WS_PATH", path.isEmpty() ? "/" : path, "CHAT_REQ_ID", id(json, ChatREQ.class),
                "CHAT_ACK_ID", id(json, ChatACK.class)))) {
            return ServerRun.serve(console, queue, List.of(tcp, web), List.of("WEB " + page.url()),
                    () -> "STOPPED lines=" + room.lines());
        }
    }

    private static String id(MessageRegistry registry, Class<?> type) {
        return String.valueOf(Objects.requireNonNull(registry.byType(type), type.getName()).id());
    }
}

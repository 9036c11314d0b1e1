package io.cellnet.examples.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.proc.MessageDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ws-chat-server}: the chat server for TCP clients ({@code chat-client}, Go's chat client;
 * binary codec) and browsers (a WebSocket acceptor, {@code ws.ltv}, json codec), both peers on one
 * event queue and in one {@link ChatRoom}, so every line reaches everyone. Serves the web page
 * (plain HTML and the {@code ws-ltv.js} ES module, no build step) on a third address. With fixed
 * ports it can be stopped and started again in place: open pages reconnect by themselves.
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
            (sid<N> joined / sid<N> is NAME / sid<N> say: TEXT / sid<N> left; web clients count from 10001;
            blank lines are ignored); STOPPED lines=N after SIGTERM. Open WEB?name=NAME to join as NAME""",
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
        MessageRegistry json = ChatMessages.webRegistry();
        Endpoint.Server tcp = Transport.TCP.acceptor(new Endpoint("chat-tcp", tcpAddress, queue, binary,
                room.handlers(new MessageDispatcher(binary))));
        Endpoint.Server web = Transport.server(WsPeers.acceptor().name("chat-ws").address(wsAddress).queue(queue)
                .registry(json).idBase(WEB_ID_BASE).callback(room.webHandlers(new MessageDispatcher(json))).build());
        room.join(tcp.sessions());
        room.join(web.sessions());
        try (WebPage page = WebPage.start(httpAddress, () -> pageConfig(wsAddress, web))) {
            return ServerRun.serve(console, queue, List.of(tcp, web), List.of("WEB " + page.url()),
                    () -> "STOPPED lines=" + room.lines());
        }
    }

    /**
     * The page's settings: the WebSocket port (the bound one, so port 0 works) and path, and the
     * acceptor's message size limit, which the page shows before sending.
     */
    private static String pageConfig(String wsAddress, Endpoint.Server web) {
        String path = Address.parse(wsAddress).path();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("wsPort", web.port().getAsInt());
        config.put("wsPath", path.isEmpty() ? "/" : path);
        config.put("maxMessageBytes", WsOptions.DEFAULT_MAX_MESSAGE_SIZE);
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

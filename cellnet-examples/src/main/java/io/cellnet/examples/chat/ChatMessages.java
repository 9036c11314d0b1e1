package io.cellnet.examples.chat;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codecs;
import java.util.List;

/**
 * The messages of Go's {@code examples/chat} ({@code examples/chat/proto/msg.go}): full names,
 * fields and ids as Go registers them ({@code StringHash} of the full name), binary codec.
 *
 * <p>Thread safety: stateless.
 */
public final class ChatMessages {
    private ChatMessages() {
    }

    /**
     * Go's {@code proto.ChatREQ} (id 16234): a line a client typed.
     *
     * <p>Thread safety: immutable.
     *
     * @param Content the text
     */
    public record ChatREQ(String Content) {
    }

    /**
     * Go's {@code proto.ChatACK} (id 43601): a line broadcast to every client.
     *
     * <p>Thread safety: immutable.
     *
     * @param Content the text
     * @param Id      the session id of the client that typed it
     */
    public record ChatACK(String Content, long Id) {
    }

    /**
     * The web page's {@code webchat.JoinREQ}, sent after each connect: who the page is. Not in Go's
     * example; TCP clients never see the {@code webchat} messages.
     *
     * <p>Thread safety: immutable.
     *
     * @param Name the nickname typed or given as {@code ?name=}
     */
    public record JoinREQ(String Name) {
    }

    /**
     * One person in the room, in {@link JoinACK#Members()}.
     *
     * <p>Thread safety: immutable.
     *
     * @param Id   the session id
     * @param Name the nickname ({@code sid<N>} for TCP clients)
     */
    public record Member(long Id, String Name) {
    }

    /**
     * The answer to a {@link JoinREQ}: the page's own session id (to mark its own lines), the name
     * it got (cleaned up), and who else is here.
     *
     * <p>Thread safety: immutable.
     *
     * @param Id      the page's session id
     * @param Name    its name
     * @param Members the others in the room
     */
    public record JoinACK(long Id, String Name, List<Member> Members) {
        /** Copies {@code Members}. */
        public JoinACK {
            Members = List.copyOf(Members);
        }
    }

    /**
     * Someone joined or left, sent to every joined web page.
     *
     * <p>Thread safety: immutable.
     *
     * @param Id     their session id
     * @param Name   their name
     * @param Joined true on join, false on leave
     */
    public record PresenceACK(long Id, String Name, boolean Joined) {
    }

    /** A registry with both messages in codec {@code codecName} ("binary" as Go; "json" for browsers). */
    public static MessageRegistry registry(String codecName) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(ChatREQ.class, "proto.ChatREQ", Codecs.get(codecName)));
        r.register(MessageMeta.of(ChatACK.class, "proto.ChatACK", Codecs.get(codecName)));
        return r;
    }

    /** The web page's registry: Go's two messages and the {@code webchat} ones, json codec. */
    public static MessageRegistry webRegistry() {
        MessageRegistry r = registry("json");
        r.register(MessageMeta.of(JoinREQ.class, "webchat.JoinREQ", Codecs.get("json")));
        r.register(MessageMeta.of(JoinACK.class, "webchat.JoinACK", Codecs.get("json")));
        r.register(MessageMeta.of(PresenceACK.class, "webchat.PresenceACK", Codecs.get("json")));
        return r;
    }

    /** The line a client prints for {@code ack}, as Go's client logs it: {@code sid<N> say: <text>}. */
    public static String line(ChatACK ack) {
        return "sid" + ack.Id() + " say: " + ack.Content();
    }
}

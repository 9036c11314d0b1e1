package io.cellnet.examples.chat;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codecs;

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

    /** A registry with both messages in codec {@code codecName} ("binary" as Go; "json" for browsers). */
    public static MessageRegistry registry(String codecName) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(ChatREQ.class, "proto.ChatREQ", Codecs.get(codecName)));
        r.register(MessageMeta.of(ChatACK.class, "proto.ChatACK", Codecs.get(codecName)));
        return r;
    }

    /** The line a client prints for {@code ack}, as Go's client logs it: {@code sid<N> say: <text>}. */
    public static String line(ChatACK ack) {
        return "sid" + ack.Id() + " say: " + ack.Content();
    }
}

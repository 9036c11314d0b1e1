package io.cellnet.examples.logic;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codecs;

/**
 * The messages of the gateway example, binary codec, ids from their full names.
 *
 * <p>Thread safety: stateless.
 */
public final class GameMessages {
    private GameMessages() {
    }

    /**
     * A player logs in (an RPC request).
     *
     * <p>Thread safety: immutable.
     *
     * @param user the player's name
     */
    public record Login(String user) {
    }

    /**
     * The answer to a {@link Login}.
     *
     * <p>Thread safety: immutable.
     *
     * @param code     0 when the login succeeded
     * @param greeting what the backend says
     */
    public record LoginAck(int code, String greeting) {
    }

    /**
     * A line a player says.
     *
     * <p>Thread safety: immutable.
     *
     * @param text the line
     */
    public record Say(String text) {
    }

    /**
     * A line said, as the backend hands it back.
     *
     * <p>Thread safety: immutable.
     *
     * @param user who said it
     * @param text the line
     */
    public record Said(String user, String text) {
    }

    /**
     * Registers the messages in {@code registry} (peers made by type name use
     * {@link MessageRegistry#global()}); registering them twice is harmless.
     */
    public static MessageRegistry register(MessageRegistry registry) {
        registry.registerIfAbsent(MessageMeta.of(Login.class, "logic.Login", Codecs.get("binary")));
        registry.registerIfAbsent(MessageMeta.of(LoginAck.class, "logic.LoginAck", Codecs.get("binary")));
        registry.registerIfAbsent(MessageMeta.of(Say.class, "logic.Say", Codecs.get("binary")));
        registry.registerIfAbsent(MessageMeta.of(Said.class, "logic.Said", Codecs.get("binary")));
        return registry;
    }
}

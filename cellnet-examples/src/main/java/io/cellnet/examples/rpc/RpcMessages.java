package io.cellnet.examples.rpc;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codecs;
import io.cellnet.examples.Option;

/**
 * The request and answer of the RPC example; Go would declare them as {@code package main} structs
 * {@code AddREQ{A, B int32}} and {@code AddACK{Sum int32}}, ids {@code StringHash} of the full name.
 *
 * <p>Thread safety: stateless.
 */
public final class RpcMessages {
    /** The {@code --codec} option of the RPC commands. */
    public static final Option CODEC = Option.of("codec", "json|binary", "json",
            "codec of main.AddREQ / main.AddACK; the same on both sides");

    private RpcMessages() {
    }

    /**
     * {@code main.AddREQ}: add two numbers.
     *
     * <p>Thread safety: immutable.
     *
     * @param A the first number
     * @param B the second number
     */
    public record AddREQ(int A, int B) {
    }

    /**
     * {@code main.AddACK}: the sum.
     *
     * <p>Thread safety: immutable.
     *
     * @param Sum {@code A + B}
     */
    public record AddACK(int Sum) {
    }

    /** A registry with both messages in codec {@code codecName}. */
    public static MessageRegistry registry(String codecName) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(AddREQ.class, "main.AddREQ", Codecs.get(codecName)));
        r.register(MessageMeta.of(AddACK.class, "main.AddACK", Codecs.get(codecName)));
        return r;
    }
}

package io.cellnet.examples;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codec;
import io.cellnet.codec.Codecs;

/**
 * The echo message of Go cellnet's examples and benchmark: {@code main.TestEchoACK {Msg string;
 * Value int32}}, id 4673, registered with the json, binary or gogopb codec.
 *
 * <p>Thread safety: stateless.
 */
public final class EchoMessages {
    /** Go's full name. */
    public static final String FULL_NAME = "main.TestEchoACK";

    /** The {@code --codec} option of the echo commands: Go's examples/echo use binary. */
    public static final Option CODEC = Option.of("codec", "json|binary|gogopb", "binary",
            "codec of main.TestEchoACK, id 4673 (gogopb: the protobuf message of echo.proto); the same on both sides");

    private EchoMessages() {
    }

    /**
     * Go's {@code main.TestEchoACK}; field names as Go declares them so json matches.
     *
     * <p>Thread safety: immutable.
     *
     * @param Msg   the text
     * @param Value the number
     */
    public record TestEchoAck(String Msg, int Value) {
    }

    /** A registry holding the echo message with codec {@code codecName} ("json", "binary" or "gogopb"). */
    public static MessageRegistry registry(String codecName) {
        MessageRegistry r = MessageRegistry.create();
        Codec codec = codecName.equals("gogopb") ? GogopbEcho.INSTANCE : Codecs.get(codecName);
        r.register(MessageMeta.of(TestEchoAck.class, FULL_NAME, codec));
        return r;
    }
}

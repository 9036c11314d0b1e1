package io.cellnet.netty;

/** Go's {@code main.TestEchoACK {Msg string; Value int32}}, field names as Go declares them. */
public record TestEchoAck(String Msg, int Value) {
}

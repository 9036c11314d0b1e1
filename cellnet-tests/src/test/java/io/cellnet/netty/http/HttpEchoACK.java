package io.cellnet.netty.http;

/** Go's tests {@code HttpEchoACK {Token string; Status int32}}, fields named as Go declares them. */
public record HttpEchoACK(String Token, int Status) {
}

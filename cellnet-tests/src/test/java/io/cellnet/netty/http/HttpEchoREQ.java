package io.cellnet.netty.http;

/** Go's tests {@code HttpEchoREQ {UserName string}}, the field named as Go declares it. */
public record HttpEchoREQ(String UserName) {
}

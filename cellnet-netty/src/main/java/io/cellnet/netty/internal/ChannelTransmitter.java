package io.cellnet.netty.internal;

import io.cellnet.MessageRegistry;
import io.cellnet.MessageTransmitter;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/**
 * A {@link MessageTransmitter} that cellnet-netty's peers can drive: it installs the handlers that
 * turn inbound bytes into messages, and encodes outbound messages into frames.
 *
 * <p>Inbound contract: the handlers it adds fire one {@code channelRead} per decoded message
 * object, in arrival order; for input they refuse they fire {@code exceptionCaught} with the cause
 * (after the messages decoded before it, and then nothing more); the peer then closes the session
 * with {@link io.cellnet.CloseReason#IO} and that cause. Outbound contract: {@link #encode} appends one whole frame, or nothing.
 *
 * <p>Thread safety: implementations are immutable and shared by every session of a peer;
 * {@link #encode} is called on sending threads, {@link #initChannel} on the channel's event loop.
 */
public interface ChannelTransmitter extends MessageTransmitter {

    /**
     * {@code true} (the default) when a session starts as soon as its channel is active;
     * {@code false} when the transport has a handshake first, in which case the session starts on
     * the first user event for which {@link #isSessionStart} is true.
     */
    default boolean startsOnConnect() {
        return true;
    }

    /** For transports with a handshake: whether {@code userEvent} completes it. */
    default boolean isSessionStart(Object userEvent) {
        return false;
    }

    /**
     * Called on the channel's event loop when {@code session} starts on {@code channel}, before its
     * {@code SessionAccepted}/{@code SessionConnected} is posted: the place to copy what the
     * handshake learnt (a WebSocket upgrade request) into the session's context. Does nothing by
     * default.
     */
    default void onSessionStart(Session session, Channel channel) {
    }

    /** Adds the inbound decoding handlers to a new channel's pipeline. */
    void initChannel(ChannelPipeline pipeline, TransmitterSettings settings);

    /**
     * Appends the frame of {@code message} to {@code out}.
     *
     * @return {@link SendResult#QUEUED} when appended, {@link SendResult#TOO_LARGE} (with
     *     {@code out} unchanged) when the frame cannot fit this transport
     * @throws io.cellnet.codec.CodecException when the message is not registered or its codec fails;
     *     {@code out}'s writer index is then unspecified and the caller resets it
     */
    SendResult encode(Object message, MessageRegistry registry, ByteBuf out);

    /**
     * {@code true} when frames are parts of a byte stream, so that several may share one buffer
     * (TCP); {@code false} when each frame is written as its own message (see {@link #wrapFrame}).
     */
    default boolean isStream() {
        return true;
    }

    /** The object written to the channel for one frame when {@link #isStream()} is false. */
    default Object wrapFrame(ByteBuf frame) {
        return frame;
    }
}

package io.cellnet.netty.internal.udp;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * The outbound path of a UDP socket shared by its sessions: {@link #write} queues an encoded
 * datagram under a lock; the first write after a flush schedules one task on the event loop that
 * writes everything queued, then flushes. Each sending thread's datagrams thus leave in the order
 * it sent them, and a burst shares one flush.
 *
 * <p>Thread safety: {@link #write} and {@link #close} may be called from any thread; {@link #run} on
 * the channel's event loop.
 */
final class DatagramWriter implements Runnable {
    private static final int INITIAL_BUFFER = 256;

    private final Channel channel;
    // guarded by this
    private ArrayDeque<DatagramPacket> pending = new ArrayDeque<>();
    private boolean flushScheduled;
    private boolean closed;

    DatagramWriter(Channel channel) {
        this.channel = channel;
    }

    /**
     * Encodes {@code message} with {@code transmitter} on the calling thread and queues the datagram
     * for {@code to}.
     *
     * @return {@link SendResult#QUEUED}, or why not ({@code TOO_LARGE}, {@code CLOSED})
     * @throws RuntimeException when the message cannot be encoded (nothing is queued)
     */
    SendResult send(ChannelTransmitter transmitter, MessageRegistry registry, Object message, InetSocketAddress to) {
        ByteBuf buf = channel.alloc().ioBuffer(INITIAL_BUFFER);
        SendResult result;
        try {
            result = transmitter.encode(message, registry, buf);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        if (result != SendResult.QUEUED) {
            buf.release();
            return result;
        }
        return write(buf, to);
    }

    /** Queues {@code datagram} (taking ownership of it) for {@code to}. */
    private SendResult write(ByteBuf datagram, InetSocketAddress to) {
        boolean schedule = false;
        synchronized (this) {
            if (closed) {
                datagram.release();
                return SendResult.CLOSED;
            }
            pending.add(new DatagramPacket(datagram, to));
            if (!flushScheduled) {
                flushScheduled = true;
                schedule = true;
            }
        }
        if (schedule) {
            try {
                channel.eventLoop().execute(this);
            } catch (RejectedExecutionException e) {
                close();
                return SendResult.CLOSED;
            }
        }
        return SendResult.QUEUED;
    }

    @Override
    public void run() {
        ArrayDeque<DatagramPacket> batch;
        synchronized (this) {
            batch = pending;
            pending = new ArrayDeque<>();
            flushScheduled = false;
        }
        for (DatagramPacket p : batch) {
            channel.write(p, channel.voidPromise());
        }
        channel.flush();
    }

    /** Refuses further writes and releases what is still queued. */
    void close() {
        synchronized (this) {
            closed = true;
            pending.forEach(DatagramPacket::release);
            pending.clear();
        }
    }
}

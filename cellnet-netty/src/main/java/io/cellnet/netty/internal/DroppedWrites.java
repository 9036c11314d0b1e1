package io.cellnet.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a connection accepted ({@code QUEUED}) and never wrote: the frames its {@link OutboundBuffer}
 * discarded, and the writes its channel failed (the connection closed before they left). Its
 * {@code SessionClosed} reports the sums.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class DroppedWrites {
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** Counts {@code n} messages of {@code size} bytes in all as dropped. */
    public void add(long n, long size) {
        if (n > 0) {
            messages.addAndGet(n);
            bytes.addAndGet(size);
        }
    }

    /** The messages dropped so far. */
    public long messages() {
        return messages.get();
    }

    /** Their bytes. */
    public long bytes() {
        return bytes.get();
    }

    /**
     * A promise for a write of {@code n} messages of {@code size} bytes on {@code channel}: when the
     * write fails they count as dropped, and the failure goes down the pipeline as an exception, as
     * it would with the channel's void promise.
     */
    public ChannelPromise promise(Channel channel, int n, long size) {
        ChannelPromise p = channel.newPromise();
        p.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                add(n, size);
                if (f.channel().isRegistered()) {
                    f.channel().pipeline().fireExceptionCaught(f.cause());
                }
            }
        });
        return p;
    }
}

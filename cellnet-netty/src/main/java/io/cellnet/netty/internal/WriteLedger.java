package io.cellnet.netty.internal;

import io.netty.channel.AbstractChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One link's account of its writes in flight, in place of a {@link DroppedWrites#promise} per
 * write: a single promise, passed with every write of the link, that is never done. Netty's
 * {@code ChannelOutboundBuffer} completes the promises of its entries once each and in write order
 * ({@code remove()} as bytes leave; on a close {@code failFlushed} then {@code close}: the flushed
 * entries, then the unflushed ones), so each completion is the oldest write still in flight: a
 * success forgets it, a failure counts its messages and bytes as dropped and fires the cause down
 * the pipeline, as the per-write promise did. A write whose promise fails while it is being written
 * (a handler threw, the channel was already closed, or {@code SO_LINGER}'s close left no outbound
 * buffer) is the newest, not the oldest. The writes in flight are a ring of {@code long}s (bytes
 * in the high half, messages in the low), allocated on the first write and grown by doubling, so a
 * write allocates nothing in steady state (issue 14: ping-pong allocation).
 *
 * <p>This holds only while every outbound handler passes the promise through, which {@link #of}
 * checks when the link is made (the pipeline is built by then, the user's pipeline configurer
 * included): the channel is an {@link AbstractChannel} (so its writes go through a
 * {@code ChannelOutboundBuffer}), and every {@link ChannelOutboundHandler} of the pipeline is a
 * {@link ByteCounter} or an {@link IdleStateHandler} that watches reads only. TLS, WebSocket, the
 * write timeout and users' outbound handlers thus keep the per-write promise; users' inbound
 * handlers do not matter. An outbound handler added to the pipeline later (through
 * {@code session.as(Channel.class)}) may listen to the write it passes on, as Netty's
 * {@code WriteTimeoutHandler} and a write {@code IdleStateHandler} do: a listener added while a write
 * is handed to the channel (in the handler's {@code write}, before or after {@code ctx.write})
 * belongs to that write, the newest in flight; it goes to a promise of that write's own, made on the
 * first listener (a side array of promises per ring slot, allocated with the first listener), which
 * this ledger completes as it completes the write (after counting a failure); a listener added after
 * the write already completed meanwhile is told its outcome at once. Outside a write, adding a
 * listener (no one can say which write it means) and the blocking methods (never on the event loop)
 * throw {@link IllegalStateException}; {@link #isDone()} stays {@code false}. A write handed to the
 * channel from within another one's (a nested write) takes the listeners added after it returns.
 * {@code -Dcellnet.writeLedger=false} turns the ledger off (every write gets its own promise), for
 * comparison.
 *
 * <p>Thread safety: not thread-safe; used on the channel's event loop only.
 */
public final class WriteLedger implements ChannelPromise {
    /** {@code false} with {@code -Dcellnet.writeLedger=false}: every write gets its own promise. */
    public static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("cellnet.writeLedger", "true"));

    private static final int INITIAL_CAPACITY = 4;
    private static final long MAX_BYTES = 0xFFFF_FFFFL;
    /** {@link #written} of a write that succeeded while it was handed to the channel. */
    private static final Object SUCCEEDED = new Object();

    private final Channel channel;
    private final DroppedWrites dropped;

    /** The writes in flight, oldest at {@link #head}: bytes in the high 32 bits, messages in the low. */
    private long @Nullable [] ring;
    private int head;
    private int count;
    /** {@code true} while a write is handed to the channel: a failure then is that write's. */
    private boolean writing;
    /**
     * The promises of the writes in flight that have listeners, by ring slot; allocated with the
     * first listener and grown with {@link #ring}.
     */
    private @Nullable ChannelPromise @Nullable [] listened;
    /**
     * While {@link #writing}: {@code null} as long as the write being handed to the channel is in
     * flight, then {@link #SUCCEEDED} or the cause it failed with.
     */
    private @Nullable Object written;

    private WriteLedger(Channel channel, DroppedWrites dropped) {
        this.channel = channel;
        this.dropped = dropped;
    }

    /**
     * A ledger for the writes on {@code channel} that counts failed ones in {@code dropped}, or
     * {@code null} when the channel's pipeline may not complete write promises once each in write
     * order (see the class comment), or the ledger is turned off. Call when the pipeline is built.
     */
    public static @Nullable WriteLedger of(Channel channel, DroppedWrites dropped) {
        return ENABLED && fits(channel) ? new WriteLedger(channel, dropped) : null;
    }

    /** Whether {@code channel} completes write promises once each, in write order (see the class comment). */
    public static boolean fits(Channel channel) {
        if (!(channel instanceof AbstractChannel)) {
            return false;
        }
        for (ChannelHandler h : channel.pipeline().toMap().values()) {
            if (h instanceof ChannelOutboundHandler && !passesPromises(h)) {
                return false;
            }
        }
        return true;
    }

    private static boolean passesPromises(ChannelHandler h) {
        if (h.getClass() == ByteCounter.class) {
            return true;
        }
        return h.getClass() == IdleStateHandler.class && ((IdleStateHandler) h).getWriterIdleTimeInMillis() == 0
                && ((IdleStateHandler) h).getAllIdleTimeInMillis() == 0;
    }

    /**
     * Writes (without flushing) {@code msg}, which carries {@code messages} messages of {@code bytes}
     * bytes in all, with this ledger as its promise.
     */
    public void write(Object msg, int messages, long bytes) {
        if (bytes > MAX_BYTES || bytes < 0 || messages < 0) {
            channel.write(msg, dropped.promise(channel, messages, bytes));   // cannot happen: frames are int-sized
            return;
        }
        push(bytes << 32 | messages);
        boolean outer = writing;
        Object outerWritten = written;
        writing = true;
        written = null;
        try {
            channel.write(msg, this);
        } finally {
            writing = outer;
            written = outerWritten;
        }
    }

    /** The writes in flight. */
    public int inFlight() {
        return count;
    }

    private void push(long entry) {
        long[] r = ring;
        if (r == null) {
            r = new long[INITIAL_CAPACITY];
            ring = r;
        } else if (count == r.length) {
            long[] bigger = new long[r.length * 2];
            int first = Math.min(count, r.length - head);
            System.arraycopy(r, head, bigger, 0, first);
            System.arraycopy(r, 0, bigger, first, count - first);
            @Nullable ChannelPromise[] l = listened;
            if (l != null) {
                @Nullable ChannelPromise[] biggerL = new ChannelPromise[bigger.length];
                System.arraycopy(l, head, biggerL, 0, first);
                System.arraycopy(l, 0, biggerL, first, count - first);
                listened = biggerL;
            }
            r = bigger;
            ring = r;
            head = 0;
        }
        r[(head + count) & (r.length - 1)] = entry;
        count++;
    }

    /** Completes the oldest write in flight, or the one being written when it fails meanwhile. */
    private boolean complete(@Nullable Throwable cause) {
        long[] r = ring;
        if (r == null || count == 0) {
            return false;
        }
        int newest = (head + count - 1) & (r.length - 1);
        int slot;
        if (writing && cause != null) {
            slot = newest;
        } else {
            slot = head;
            head = (head + 1) & (r.length - 1);
        }
        long entry = r[slot];
        count--;
        if (writing && slot == newest) {
            written = cause != null ? cause : SUCCEEDED;
        }
        @Nullable ChannelPromise listener = null;
        @Nullable ChannelPromise[] l = listened;
        if (l != null) {
            listener = l[slot];
            l[slot] = null;
        }
        if (cause != null) {
            dropped.add((int) entry, entry >>> 32);
            if (channel.isRegistered()) {
                channel.pipeline().fireExceptionCaught(cause);
            }
        }
        if (listener != null) {
            if (cause != null) {
                listener.tryFailure(cause);
            } else {
                listener.trySuccess();
            }
        }
        return true;
    }

    /**
     * The future of the write being handed to the channel, for {@code what} (a listener method): its
     * own promise while it is in flight (made when {@code create}, else {@code null} without one), a
     * done future once it completed meanwhile.
     */
    private @Nullable ChannelFuture writtenFuture(String what, boolean create) {
        if (!writing) {
            throw new IllegalStateException("shared write ledger: " + what + " outside a write is not supported (no"
                    + " one can say which write it means); listen in the handler's write(), or add the handler by the"
                    + " peer's pipeline configurer");
        }
        Object outcome = written;
        if (outcome != null) {
            return outcome instanceof Throwable t ? channel.newFailedFuture(t) : channel.newSucceededFuture();
        }
        long[] r = ring;
        if (r == null || count == 0) {
            throw new IllegalStateException("shared write ledger: no write in flight");   // cannot happen
        }
        int slot = (head + count - 1) & (r.length - 1);
        @Nullable ChannelPromise[] l = listened;
        if (l == null) {
            if (!create) {
                return null;
            }
            l = new ChannelPromise[r.length];
            listened = l;
        }
        ChannelPromise p = l[slot];
        if (p == null && create) {
            p = channel.newPromise();
            l[slot] = p;
        }
        return p;
    }

    private static IllegalStateException unsupported(String what) {
        return new IllegalStateException("shared write ledger: " + what + " is not supported (it never completes;"
                + " a listener added in a handler's write() is told its write's outcome)");
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public boolean trySuccess() {
        return complete(null);
    }

    @Override
    public boolean trySuccess(@Nullable Void result) {
        return complete(null);
    }

    @Override
    public ChannelPromise setSuccess() {
        if (!complete(null)) {
            throw new IllegalStateException("shared write ledger: no write in flight");
        }
        return this;
    }

    @Override
    public ChannelPromise setSuccess(@Nullable Void result) {
        return setSuccess();
    }

    @Override
    public boolean tryFailure(Throwable cause) {
        return complete(cause);
    }

    @Override
    public ChannelPromise setFailure(Throwable cause) {
        if (!complete(cause)) {
            throw new IllegalStateException("shared write ledger: no write in flight", cause);
        }
        return this;
    }

    @Override
    public boolean setUncancellable() {
        return true;
    }

    @Override
    public boolean isVoid() {
        return false;
    }

    @Override
    public ChannelPromise unvoid() {
        return this;
    }

    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public boolean isSuccess() {
        return false;
    }

    @Override
    public boolean isCancellable() {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public @Nullable Throwable cause() {
        return null;
    }

    @Override
    public @Nullable Void getNow() {
        return null;
    }

    @Override
    public ChannelPromise addListener(GenericFutureListener<? extends Future<? super Void>> listener) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(writtenFuture("addListener", true)).addListener(listener);
        return this;
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final ChannelPromise addListeners(GenericFutureListener<? extends Future<? super Void>>... listeners) {
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(writtenFuture("addListeners", true)).addListeners(listeners);
        return this;
    }

    @Override
    public ChannelPromise removeListener(GenericFutureListener<? extends Future<? super Void>> listener) {
        Objects.requireNonNull(listener, "listener");
        ChannelFuture f = writtenFuture("removeListener", false);
        if (f != null) {
            f.removeListener(listener);
        }
        return this;
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final ChannelPromise removeListeners(GenericFutureListener<? extends Future<? super Void>>... listeners) {
        Objects.requireNonNull(listeners, "listeners");
        ChannelFuture f = writtenFuture("removeListeners", false);
        if (f != null) {
            f.removeListeners(listeners);
        }
        return this;
    }

    @Override
    public ChannelPromise sync() {
        throw unsupported("sync");
    }

    @Override
    public ChannelPromise syncUninterruptibly() {
        throw unsupported("syncUninterruptibly");
    }

    @Override
    public ChannelPromise await() {
        throw unsupported("await");
    }

    @Override
    public ChannelPromise awaitUninterruptibly() {
        throw unsupported("awaitUninterruptibly");
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) {
        throw unsupported("await");
    }

    @Override
    public boolean await(long timeoutMillis) {
        throw unsupported("await");
    }

    @Override
    public boolean awaitUninterruptibly(long timeout, TimeUnit unit) {
        throw unsupported("awaitUninterruptibly");
    }

    @Override
    public boolean awaitUninterruptibly(long timeoutMillis) {
        throw unsupported("awaitUninterruptibly");
    }

    @Override
    public Void get() {
        throw unsupported("get");
    }

    @Override
    public Void get(long timeout, TimeUnit unit) {
        throw unsupported("get");
    }

    @Override
    public String toString() {
        return "WriteLedger(" + channel + ", " + count + " write(s) in flight)";
    }
}

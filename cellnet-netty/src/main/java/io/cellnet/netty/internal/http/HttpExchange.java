package io.cellnet.netty.internal.http;

import io.cellnet.SendResult;
import io.cellnet.netty.http.HttpRequestInfo;
import io.cellnet.netty.internal.SessionTransport;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request and its one answer: the transport of the session that represents the exchange.
 * The first answer (the handler's {@code send}/{@code reply}, the fall-through to static files or
 * 404, a timeout, an error) wins; what comes later is refused with {@link SendResult#CLOSED}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class HttpExchange implements SessionTransport {
    static final Logger log = LoggerFactory.getLogger("io.cellnet.netty.http");

    private final HttpServerHandler owner;
    private final Channel channel;
    private final RespondEncoder encoder;
    private final HttpRequestInfo info;
    private final boolean head;
    private final boolean keepAlive;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile @Nullable Future<?> timeout;

    HttpExchange(HttpServerHandler owner, Channel channel, RespondEncoder encoder, HttpRequestInfo info, boolean head,
            boolean keepAlive) {
        this.owner = owner;
        this.channel = channel;
        this.encoder = encoder;
        this.info = info;
        this.head = head;
        this.keepAlive = keepAlive;
    }

    HttpRequestInfo info() {
        return info;
    }

    boolean isHead() {
        return head;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Arms the timeout of a declared route (cancelled by the answer). */
    void timeout(Future<?> f) {
        this.timeout = f;
        if (answered.get()) {
            f.cancel(false);
        }
    }

    @Override
    public SendResult send(Object message) {
        if (answered.get()) {
            return SendResult.CLOSED;
        }
        Answer a;
        try {
            a = encoder.encode(message);
        } catch (RuntimeException e) {
            log.error("{} {}: cannot encode the answer {}: {}", info.method(), info.path(), message.getClass().getName(),
                    e.toString());
            answer(Answer.text(500, "500 Internal Server Error"));
            return SendResult.ENCODE_FAILED;
        }
        return answer(a) ? SendResult.QUEUED : SendResult.CLOSED;
    }

    /** Answers with {@code a} unless answered already (then {@code a} is released). */
    boolean answer(Answer a) {
        if (!answered.compareAndSet(false, true)) {
            a.release();
            return false;
        }
        cancelTimeout();
        owner.finish(this, a);
        return true;
    }

    /** Ends the exchange without an answer: the connection closes. */
    @Override
    public void close(boolean graceful) {
        if (answered.compareAndSet(false, true)) {
            cancelTimeout();
            channel.close();
        }
    }

    private void cancelTimeout() {
        Future<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
    }

    @Override
    public boolean isOpen() {
        return !answered.get() && channel.isActive();
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public Channel channel() {
        return channel;
    }
}

package io.cellnet.testing;

import io.cellnet.ContextSet;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.Peer;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Session} without a transport, for unit tests of handlers: it records what the code
 * under test sends and whether it closed the session. Build an event with
 * {@code new RecvMsgEvent(session, message)} (or {@link #event(Object)}), call the handler, then
 * look at {@link #sent()}, {@link #lastSent()}, {@link #closed()}.
 *
 * <pre>{@code
 * FakeSession session = new FakeSession(7);
 * handler.onEvent(new RecvMsgEvent(session, new Login("alice")));
 * assertEquals(new LoginAck(0), session.lastSent());
 * session.sendResult(SendResult.OVERFLOW);   // the next sends are refused, as by a slow client
 * }</pre>
 *
 * <p>Behaviour: {@link #send} returns the configured {@link SendResult} ({@link SendResult#QUEUED}
 * by default) while open, and {@link SendResult#CLOSED} after {@link #close()} or
 * {@link #closeNow()}; accepted messages ({@link SendResult#isAccepted()}) are recorded in order.
 * No hooker, codec or event is involved. The class and its methods are not final, so Mockito can
 * {@code spy} on it ({@code verify(spy).send(msg)}).
 *
 * <p>Helpers that encode a message inside an envelope (cellnet-netty's RPC {@code reply} and
 * relay functions) use the session's {@link #registry()}: give the fake your peer's registry with
 * {@link #registry(MessageRegistry)} ({@link MessageRegistry#global()} by default).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public class FakeSession implements Session, ContextSet.Forwarding, MessageRegistryAware {
    private final ContextSet context = ContextSet.create();
    private final long id;
    private final Peer peer;
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private volatile SendResult sendResult = SendResult.QUEUED;
    private volatile MessageRegistry registry = MessageRegistry.global();
    private volatile @Nullable SocketAddress remoteAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private volatile boolean closed;
    private volatile boolean closedNow;

    /** Session 1 of a new {@link FakePeer}. */
    public FakeSession() {
        this(1);
    }

    /** Session {@code id} of a new {@link FakePeer}. */
    public FakeSession(long id) {
        this(id, new FakePeer());
    }

    /** Session {@code id} of {@code peer}. */
    public FakeSession(long id, Peer peer) {
        this.id = id;
        this.peer = Objects.requireNonNull(peer, "peer");
    }

    /** An inbound event carrying {@code message} on a new {@code FakeSession(1)}. */
    public static RecvMsgEvent event(Object message) {
        return new FakeSession().received(message);
    }

    /** An inbound event carrying {@code message} on this session. */
    public RecvMsgEvent received(Object message) {
        return new RecvMsgEvent(this, message);
    }

    /** What {@link #send} returns from now on while the session is open. */
    public FakeSession sendResult(SendResult result) {
        this.sendResult = Objects.requireNonNull(result, "result");
        return this;
    }

    /** What {@link #remoteAddress()} returns; a loopback address with port 0 by default. */
    public FakeSession remoteAddress(@Nullable SocketAddress address) {
        this.remoteAddress = address;
        return this;
    }

    /** What {@link #registry()} returns from now on; {@link MessageRegistry#global()} by default. */
    public FakeSession registry(MessageRegistry messageRegistry) {
        this.registry = Objects.requireNonNull(messageRegistry, "messageRegistry");
        return this;
    }

    /** The registry that envelope helpers (RPC replies, relays) encode with on this session. */
    @Override
    public MessageRegistry registry() {
        return registry;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    /** Records {@code message} when the configured result accepts it; never throws. */
    @Override
    public SendResult send(Object message) {
        Objects.requireNonNull(message, "message");
        if (closed || closedNow) {
            return SendResult.CLOSED;
        }
        SendResult result = sendResult;
        if (result.isAccepted()) {
            sent.add(message);
        }
        return result;
    }

    /** The accepted messages, in send order (a snapshot). */
    public List<Object> sent() {
        return List.copyOf(sent);
    }

    /** The accepted messages of {@code type}, in send order. */
    public <T> List<T> sentOf(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last accepted message, or {@code null} when none. */
    public @Nullable Object lastSent() {
        List<Object> snapshot = sent();
        return snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
    }

    /** Forgets the recorded messages; the close flags and the send result stay. */
    public void clear() {
        sent.clear();
    }

    /** Records a graceful close; later sends return {@link SendResult#CLOSED}. */
    @Override
    public void close() {
        closed = true;
    }

    /** Records a forced close; later sends return {@link SendResult#CLOSED}. */
    @Override
    public void closeNow() {
        closedNow = true;
    }

    /** {@code true} once {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    /** {@code true} once {@link #closeNow()} was called. */
    public boolean closedNow() {
        return closedNow;
    }

    @Override
    public boolean isOpen() {
        return !closed && !closedNow;
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return isOpen() ? remoteAddress : null;
    }

    /** This session when it is a {@code type}, else {@code null} (there is no transport object). */
    @Override
    public <T> @Nullable T as(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    @Override
    public String toString() {
        return "FakeSession(" + id + (isOpen() ? "" : ", closed") + ")";
    }

    /** The session's context, behind its context methods. */
    @Override
    public final ContextSet context() {
        return context;
    }
}

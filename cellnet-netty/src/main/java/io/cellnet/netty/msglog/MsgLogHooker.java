package io.cellnet.netty.msglog;

import io.cellnet.EventHooker;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendMsgEvent;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every received and sent message at DEBUG (Go's {@code msglog.WriteRecvLogger} and
 * {@code WriteSendLogger}), one line each:
 * <pre>
 * #tcp.recv(server)@1 len: 28 main.TestEchoACK(4673) rpc call 1 | {Msg: "hello", Value: 1234}
 * </pre>
 * Loggers: {@code cellnet.msglog.<transport>.recv} and {@code cellnet.msglog.<transport>.send}.
 * When a logger is not at DEBUG the hooker checks that and nothing else: no encoding, no lookup,
 * no string. Which messages appear is decided by {@link MsgLogRules}. Logging never drops or
 * changes an event.
 *
 * <p>Received RPC answers are consumed by the RPC hooker before this one and do not appear here
 * (see {@code cellnet.rpc}); requests appear as the message inside with their call id.
 *
 * <p>Thread safety: immutable; one instance serves every session of every peer.
 */
public final class MsgLogHooker implements EventHooker {
    private final MsgLogWriter recv;
    private final MsgLogWriter send;

    /** A hooker for {@code transport} with the {@link MsgLogRules#global() global rules}. */
    public static MsgLogHooker of(String transport) {
        return new MsgLogHooker(transport, MsgLogRules.global());
    }

    /** A hooker for {@code transport} (a logger-name segment, {@code "tcp"}) with {@code rules}. */
    public MsgLogHooker(String transport, MsgLogRules rules) {
        this(transport, LoggerFactory.getLogger("cellnet.msglog." + transport + ".recv"),
                LoggerFactory.getLogger("cellnet.msglog." + transport + ".send"), rules);
    }

    /** A hooker for {@code transport} that writes to the given loggers. */
    public MsgLogHooker(String transport, Logger recvLogger, Logger sendLogger, MsgLogRules rules) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(rules, "rules");
        this.recv = new MsgLogWriter(transport, "recv", Objects.requireNonNull(recvLogger, "recvLogger"), rules);
        this.send = new MsgLogWriter(transport, "send", Objects.requireNonNull(sendLogger, "sendLogger"), rules);
    }

    /** The logger of received messages. */
    public Logger recvLogger() {
        return recv.logger();
    }

    /** The logger of sent messages. */
    public Logger sendLogger() {
        return send.logger();
    }

    @Override
    public RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        if (recv.logger().isDebugEnabled()) {
            try {
                recv.inbound(event);
            } catch (RuntimeException e) {
                recv.logger().debug("cannot log {}", event, e);
            }
        }
        return event;
    }

    /** Only while the send logger is at DEBUG. */
    @Override
    public boolean interceptsOutbound() {
        return send.logger().isDebugEnabled();
    }

    @Override
    public SendMsgEvent onOutboundEvent(SendMsgEvent event) {
        if (send.logger().isDebugEnabled()) {
            try {
                send.outbound(event);
            } catch (RuntimeException e) {
                send.logger().debug("cannot log {}", event, e);
            }
        }
        return event;
    }

    @Override
    public String toString() {
        return "MsgLogHooker(" + recv.logger().getName() + ", " + send.logger().getName() + ")";
    }
}

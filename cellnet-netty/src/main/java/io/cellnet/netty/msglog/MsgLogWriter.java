package io.cellnet.netty.msglog;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.PeerProperty;
import io.cellnet.RawPacket;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendMsgEvent;
import io.cellnet.Session;
import io.cellnet.netty.internal.wire.BuiltinMessages;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.netty.internal.wire.RemoteCallMsg;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.cellnet.relay.NoMessage;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.RpcRecvMsgEvent;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Writes the lines of one direction of a message log, Go's layout:
 * {@code #tcp.recv(peer)@session len: size fullName(id) [rpc/relay details] | fields}. RPC and
 * relay envelopes are shown as the message inside them, with the call id or the passthrough
 * values; the rules apply to that message's full name. Only called when the logger is enabled:
 * everything here may encode, decode and build strings.
 *
 * <p>Thread safety: immutable; called from any sending or I/O thread.
 */
final class MsgLogWriter {
    private final String prefix;
    private final Logger log;
    private final MsgLogRules rules;

    MsgLogWriter(String transport, String direction, Logger log, MsgLogRules rules) {
        this.prefix = "#" + transport + "." + direction;
        this.log = log;
        this.rules = rules;
    }

    Logger logger() {
        return log;
    }

    void inbound(RecvMsgEvent event) {
        Session s = event.session();
        if (event instanceof RelayRecvMsgEvent r) {
            String tag = relayTag(r.passThroughAsInt64(), r.passThroughAsInt64Slice(), r.passThroughAsString(),
                    r.passThroughAsBytes());
            if (r.hasMessage()) {
                message(s, event.message(), tag);
            } else {
                noMessage(s, tag);
            }
        } else {
            String tag = event instanceof RpcRecvMsgEvent r ? " rpc call " + r.callId() : "";
            message(s, event.message(), tag);
        }
    }

    void outbound(SendMsgEvent event) {
        Session s = event.session();
        Object m = event.message();
        if (m instanceof RemoteCallMsg call) {
            String kind = call instanceof RemoteCallREQ ? " rpc REQ call " : " rpc ACK call ";
            payload(s, call.msgId(), call.data(), kind + call.callId());
        } else if (m instanceof RelayACK ack) {
            relay(s, ack);
        } else if (m instanceof RawPacket raw) {
            payload(s, raw.msgId(), raw.msgData(), " raw");
        } else {
            message(s, m, "");
        }
    }

    private void relay(Session s, RelayACK ack) {
        String tag = relayTag(ack.int64(), ack.int64Slice(), ack.str(), ack.bytes());
        if (ack.hasMessage()) {
            payload(s, ack.msgId(), ack.msg(), tag);
        } else {
            noMessage(s, tag);
        }
    }

    private static String relayTag(long int64, long[] int64Slice, String str, byte[] bytes) {
        return " relay {Int64: " + int64 + ", Int64Slice: " + Arrays.toString(int64Slice) + ", Str: \"" + str
                + "\", Bytes: " + MessageText.of(bytes) + "}";
    }

    private void noMessage(Session s, String tag) {
        if (rules.isVisible(BuiltinMessages.RELAY_ACK.fullName())) {
            write(s, NoMessage.INSTANCE.toString(), 0, 0, tag, "");
        }
    }

    /** A decoded message: its size costs an encoding. */
    private void message(Session s, Object message, String tag) {
        MessageRegistry registry = Payloads.registryOf(s);
        MessageMeta meta = BuiltinMessages.byMessage(registry, message);
        String name = meta != null ? meta.fullName() : message.getClass().getName();
        if (rules.isVisible(name)) {
            write(s, name, meta != null ? meta.id() : 0, sizeOf(meta, message), tag, MessageText.of(message));
        }
    }

    /** An encoded message: its fields cost a decoding. */
    private void payload(Session s, int id, byte[] body, String tag) {
        MessageRegistry registry = Payloads.registryOf(s);
        MessageMeta meta = BuiltinMessages.byId(registry, id);
        String name = meta != null ? meta.fullName() : "?";
        if (!rules.isVisible(name)) {
            return;
        }
        String fields;
        try {
            fields = MessageText.of(Payloads.decode(registry, id, body));
        } catch (RuntimeException e) {
            fields = "<cannot decode: " + e.getMessage() + ">";
        }
        write(s, name, id, body.length, tag, fields);
    }

    private static int sizeOf(@Nullable MessageMeta meta, Object message) {
        if (meta == null || meta.isSystem()) {
            return 0;
        }
        try {
            return meta.codec().encode(message).length;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void write(Session s, String name, int id, int size, String tag, String fields) {
        String peer = s.peer() instanceof PeerProperty p ? p.name() : s.peer().typeName();
        log.debug("{}({})@{} len: {} {}({}){} | {}", prefix, peer, s.id(), size, name, id, tag, fields);
    }
}

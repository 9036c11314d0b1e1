package io.cellnet.netty.internal.proc;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.http.HttpTransmitter;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.udp.UdpTransmitter;
import io.cellnet.netty.internal.ws.WsTransmitter;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.rpc.RpcHooker;
import io.cellnet.netty.rpc.TypeRpcHooker;
import io.cellnet.proc.ProcessorProvider;
import java.util.Map;
import java.util.Set;

/**
 * The processors of cellnet-netty, by Go's names:
 * <ul>
 *   <li>{@code tcp.ltv}: the {@link LtvTransmitter} and Go's hooker order, RPC ({@link RpcHooker}),
 *       then relay ({@link RelayHooker}), then the message log ({@link MsgLogHooker} on
 *       {@code cellnet.msglog.tcp.recv} / {@code .send}), then the callback;</li>
 *   <li>{@code tcp.ltv.type}: {@code tcp.ltv} followed by {@link TypeRpcHooker} (Go's TestTypeRPC),
 *       for {@code Rpc.callType};</li>
 *   <li>{@code udp.ltv}: the {@link UdpTransmitter} and the message log on
 *       {@code cellnet.msglog.udp.*}; the callback runs on the peer's queue like every other
 *       processor's (Go's runs on the I/O goroutine);</li>
 *   <li>{@code ws.ltv} (also Go's {@code gorillaws.ltv}): the {@link WsTransmitter} and the
 *       message log on {@code cellnet.msglog.ws.*} (Go's ws hooker only logs too);</li>
 *   <li>{@code http}: the HTTP peers' processor, the callback on the peer's queue and no hooker
 *       (its transmitter only names it: the HTTP peers run Netty's HTTP codec themselves).</li>
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
public final class NettyProcessors implements ProcessorProvider {
    private static final EventHooker TCP = hooker(MsgLogHooker.of("tcp"));
    private static final Map<String, Bundle> PROCESSORS = Map.of(
            "tcp.ltv", new Bundle(LtvTransmitter.INSTANCE, TCP),
            "tcp.ltv.type", new Bundle(LtvTransmitter.INSTANCE, EventHooker.chain(TCP, TypeRpcHooker.INSTANCE)),
            "udp.ltv", new Bundle(UdpTransmitter.INSTANCE, MsgLogHooker.of("udp")),
            "ws.ltv", new Bundle(WsTransmitter.INSTANCE, MsgLogHooker.of("ws")),
            "gorillaws.ltv", new Bundle(WsTransmitter.INSTANCE, MsgLogHooker.of("ws")),
            "http", new Bundle(HttpTransmitter.INSTANCE, EventHooker.identity()));

    /** The hooker chain of {@code tcp.ltv}, for building other bundles around it. */
    public static EventHooker hooker() {
        return TCP;
    }

    /**
     * The hooker chain of {@code tcp.ltv} with {@code messageLog} in place of the default message
     * log (other loggers or rules).
     */
    public static EventHooker hooker(EventHooker messageLog) {
        return EventHooker.chain(RpcHooker.INSTANCE, RelayHooker.INSTANCE, messageLog);
    }

    @Override
    public Set<String> names() {
        return PROCESSORS.keySet();
    }

    @Override
    public ProcessorBundle create(String name, EventCallback callback) {
        Bundle b = PROCESSORS.get(name);
        if (b == null) {
            throw new IllegalArgumentException("not a cellnet-netty processor: " + name);
        }
        return new ProcessorBundle(b.transmitter(), b.hooker(), callback);
    }

    /** A processor's transmitter and hooker. */
    private record Bundle(ChannelTransmitter transmitter, EventHooker hooker) {
    }
}

package io.cellnet.netty.internal.proc;

import io.cellnet.netty.internal.udp.UdpTransmitter;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.proc.ProcessorProvider;

/**
 * The {@code udp.ltv} processor: the {@link UdpTransmitter}, the message log ({@link MsgLogHooker}
 * on {@code cellnet.msglog.udp.recv} / {@code .send}), and the callback, which runs on the peer's
 * queue like every other processor's (Go's runs on the I/O goroutine).
 *
 * <p>Thread safety: stateless.
 */
public final class UdpLtvProcessor implements ProcessorProvider {
    private static final MsgLogHooker HOOKER = MsgLogHooker.of("udp");

    @Override
    public String name() {
        return "udp.ltv";
    }

    @Override
    public ProcessorBundle create(EventCallback callback) {
        return new ProcessorBundle(UdpTransmitter.INSTANCE, HOOKER, callback);
    }
}

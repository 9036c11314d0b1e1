package io.cellnet.netty.msglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cellnet.EventCallback;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.Codec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.proc.NettyProcessors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The message log costs nothing when its loggers are off: the codec is called exactly as often as
 * without it and no message is turned into text. Counted with a codec wrapper and a message whose
 * {@code toString} counts its calls; 3 messages each way, each encoded once and decoded once.
 */
class MsgLogCostTest {
    private static final int MESSAGES = 3;
    private static final AtomicInteger TO_STRING = new AtomicInteger();

    private final CountingCodec codec = new CountingCodec(JsonCodec.INSTANCE);
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(registry(codec));

    private static MessageRegistry registry(Codec codec) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(Probe.class, "test.Probe", codec));
        return r;
    }

    /** Sends {@link #MESSAGES} probes from a client; the server echoes each. */
    private void exchange(UnaryOperator<ProcessorBundle> processor) {
        TcpAcceptor server = net.start(net.tcpAcceptor(EventCallback.NONE,
                b -> b.bundle(processor.apply(new ProcessorBundle(
                LtvTransmitter.INSTANCE, NettyProcessors.hooker(), ev -> {
                    if (ev.message() instanceof Probe) {
                        ev.send(ev.message());
                    }
                })))));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.tcpConnector(server.port(), EventCallback.NONE,
                b -> b.bundle(processor.apply(
                new ProcessorBundle(LtvTransmitter.INSTANCE, NettyProcessors.hooker(), events)))));
        events.expect(SessionConnected.class);
        TO_STRING.set(0);
        codec.reset();
        for (int i = 0; i < MESSAGES; i++) {
            client.session().send(new Probe(i));
        }
        for (int i = 0; i < MESSAGES; i++) {
            events.expect(Probe.class);
        }
    }

    private static UnaryOperator<ProcessorBundle> withLog(boolean debug) {
        return b -> new ProcessorBundle(b.transmitter(), NettyProcessors.hooker(new MsgLogHooker("cost",
                new RecordingLogger("recv", debug), new RecordingLogger("send", debug), new MsgLogRules())),
                b.callback());
    }

    @Test
    void offTheCodecIsCalledAsWithoutTheLogAndNothingBecomesText() {
        exchange(withLog(false));
        assertEquals(2 * MESSAGES, codec.encodes.get());
        assertEquals(2 * MESSAGES, codec.decodes.get());
        assertEquals(0, TO_STRING.get());
    }

    @Test
    void theDefaultTcpLtvLogIsOffInTheTestBindingAndCostsNothing() {
        assertFalse(LoggerFactory.getLogger("cellnet.msglog.tcp.recv").isDebugEnabled());
        assertFalse(LoggerFactory.getLogger("cellnet.msglog.tcp.send").isDebugEnabled());
        exchange(UnaryOperator.identity());
        assertEquals(2 * MESSAGES, codec.encodes.get());
        assertEquals(2 * MESSAGES, codec.decodes.get());
        assertEquals(0, TO_STRING.get());
    }

    @Test
    void onEachLineCostsOneEncodingForItsSizeAndOneText() {
        exchange(withLog(true));
        int lines = 4 * MESSAGES;
        assertEquals(2 * MESSAGES + lines, codec.encodes.get());
        assertEquals(2 * MESSAGES, codec.decodes.get());
        assertEquals(lines, TO_STRING.get());
    }

    /** A message that counts how often it is turned into text. */
    public static final class Probe {
        public int Seq;

        public Probe() {
        }

        Probe(int seq) {
            this.Seq = seq;
        }

        @Override
        public String toString() {
            TO_STRING.incrementAndGet();
            return "Probe " + Seq;
        }
    }

    /** A codec that counts its calls and delegates them. */
    private static final class CountingCodec implements Codec {
        private final Codec delegate;
        final AtomicInteger encodes = new AtomicInteger();
        final AtomicInteger decodes = new AtomicInteger();

        CountingCodec(Codec delegate) {
            this.delegate = delegate;
        }

        void reset() {
            encodes.set(0);
            decodes.set(0);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String mimeType() {
            return delegate.mimeType();
        }

        @Override
        public byte[] encode(Object message) {
            encodes.incrementAndGet();
            return delegate.encode(message);
        }

        @Override
        public <T> T decode(ByteBuffer data, Class<T> type) {
            decodes.incrementAndGet();
            return delegate.decode(data, type);
        }
    }
}

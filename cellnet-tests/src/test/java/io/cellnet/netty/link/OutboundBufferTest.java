package io.cellnet.netty.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.DroppedWrites;
import io.cellnet.netty.internal.OutboundBuffer;
import io.cellnet.netty.internal.WriteLedger;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.ws.WsTransmitter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encode-and-account part of a link, alone on an {@link EmbeddedChannel}. */
class OutboundBufferTest {
    /** {@code TestEchoAck("hello", 1234)} as a {@code tcp.ltv} frame: 15 bytes. */
    private static final String HELLO = "0d004112050068656c6c6fd2040000";

    private final MessageRegistry registry = NetFixtures.registry();
    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final DroppedWrites dropped = new DroppedWrites();

    OutboundBufferTest() {
        channel.config().setAllocator(alloc);
    }

    @AfterEach
    void nothingLeaks() {
        channel.finishAndReleaseAll();
        assertEquals(0, alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory(), "a buffer leaked");
    }

    private OutboundBuffer buffer(ChannelTransmitter transmitter) {
        return new OutboundBuffer(channel, transmitter, registry, dropped);
    }

    /** A buffer whose writes share a {@link WriteLedger}, or have a promise each. */
    private OutboundBuffer buffer(ChannelTransmitter transmitter, boolean ledger) {
        assumeTrue(WriteLedger.ENABLED || !ledger, "-Dcellnet.writeLedger=false");
        OutboundBuffer out = new OutboundBuffer(channel, transmitter, registry, dropped,
                ledger ? WriteLedger.of(channel, dropped) : null);
        assertEquals(ledger, out.usesWriteLedger());
        return out;
    }

    @Test
    void aChannelWithoutOutboundHandlersGetsAWriteLedger() {
        assertEquals(WriteLedger.ENABLED, buffer(LtvTransmitter.INSTANCE).usesWriteLedger());
    }

    private void writeOut(OutboundBuffer out) {
        out.take();
        out.writeTaken();
        channel.flush();
    }

    @Test
    void streamFramesShareOneBufferAndAreCountedUntilTaken() {
        OutboundBuffer out = buffer(LtvTransmitter.INSTANCE);
        assertEquals(SendResult.QUEUED, out.append(new TestEchoAck("hello", 1234)));
        assertEquals(SendResult.QUEUED, out.append(new TestEchoAck("hello", 1234)));
        assertEquals(30, out.queuedBytes());
        assertNull(channel.readOutbound(), "nothing reaches the channel before the flush task");
        out.take();
        assertEquals(0, out.queuedBytes(), "taken bytes are the channel's to count");
        out.writeTaken();
        channel.flush();
        ByteBuf written = channel.readOutbound();
        try {
            assertEquals(HELLO + HELLO, ByteBufUtil.hexDump(written), "one buffer, both frames, in order");
        } finally {
            written.release();
        }
        assertNull(channel.readOutbound());
    }

    @Test
    void aStreamBufferIsHandedOnOnceItHoldsAChunk() {
        OutboundBuffer out = buffer(LtvTransmitter.INSTANCE);
        String text = "x".repeat(60_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(SendResult.QUEUED, out.append(new TestEchoAck(text, i)));
        }
        writeOut(out);
        int buffers = 0;
        long bytes = 0;
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            buffers++;
            bytes += b.readableBytes();
            assertTrue(b.readableBytes() < OutboundBuffer.STREAM_CHUNK + 60_100, "a buffer grew past a chunk and a frame");
            b.release();
        }
        assertEquals(3 * (60_000 + 10L), bytes, "size, id, string length, text, int");
        assertEquals(2, buffers, "two frames filled a chunk; the third started the next buffer");
    }

    @Test
    void otherTransportsWriteEachFrameOnItsOwnWrappedByTheTransmitter() {
        OutboundBuffer out = buffer(WsTransmitter.INSTANCE);
        out.append(new TestEchoAck("hello", 1234));
        out.append(new TestEchoAck("hello", 1234));
        assertEquals(26, out.queuedBytes(), "two frames of id and body, no size field");
        writeOut(out);
        for (int i = 0; i < 2; i++) {
            BinaryWebSocketFrame frame = assertInstanceOf(BinaryWebSocketFrame.class, channel.readOutbound());
            try {
                assertEquals(HELLO.substring(4), ByteBufUtil.hexDump(frame.content()));
            } finally {
                frame.release();
            }
        }
        assertNull(channel.readOutbound());
    }

    @Test
    void aRefusedOrFailedEncodeHoldsNothingAndTheNextFrameIsWhole() {
        OutboundBuffer out = buffer(LtvTransmitter.INSTANCE);
        assertEquals(SendResult.TOO_LARGE, out.append(new TestEchoAck("x".repeat(65_530), 1)));
        assertThrows(CodecException.class, () -> out.append("not a registered message"));
        assertEquals(0, out.queuedBytes());
        out.append(new TestEchoAck("hello", 1234));
        writeOut(out);
        ByteBuf written = channel.readOutbound();
        try {
            assertEquals(HELLO, ByteBufUtil.hexDump(written));
        } finally {
            written.release();
        }
    }

    @Test
    void theBacklogIsOverTheHighWatermarkOnceTheHeldBytesReachWhatTheChannelStillTakes() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        OutboundBuffer out = buffer(LtvTransmitter.INSTANCE);
        assertFalse(out.overHighWatermark());
        out.append(new TestEchoAck("hello", 1234));
        assertFalse(out.overHighWatermark(), "15 bytes held, 16 allowed");
        out.append(new TestEchoAck("hello", 1234));
        assertTrue(out.overHighWatermark(), "30 bytes held");
        out.discard();
        assertFalse(out.overHighWatermark());
        assertEquals(0, out.queuedBytes());
    }

    @Test
    void discardReleasesWhatIsHeld() {
        OutboundBuffer stream = buffer(LtvTransmitter.INSTANCE);
        OutboundBuffer frames = buffer(WsTransmitter.INSTANCE);
        for (int i = 0; i < 3; i++) {
            stream.append(new TestEchoAck("x".repeat(40_000), i));
            frames.append(new TestEchoAck("hello", i));
        }
        assertTrue(alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory() > 0);
        long held = stream.queuedBytes() + frames.queuedBytes();
        stream.discard();
        frames.discard();
        assertEquals(0, alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory());
        assertEquals(6, dropped.messages(), "what was discarded counts as dropped");
        assertEquals(held, dropped.bytes());
        writeOut(stream);
        assertNull(channel.readOutbound(), "nothing left to write");
    }

    @ParameterizedTest(name = "write ledger {0}")
    @ValueSource(booleans = {true, false})
    void theMessagesOfAWriteThatFailsCountAsDropped(boolean ledger) {
        OutboundBuffer out = buffer(LtvTransmitter.INSTANCE, ledger);
        out.append(new TestEchoAck("hello", 1234));
        out.append(new TestEchoAck("hello", 1234));
        out.take();
        channel.close();
        out.writeTaken();
        assertEquals(2, dropped.messages());
        assertEquals(30, dropped.bytes());
    }

    @ParameterizedTest(name = "write ledger {0}")
    @ValueSource(booleans = {true, false})
    void theFramesOfAFailedBatchCountAsDroppedEachWithItsMessages(boolean ledger) {
        OutboundBuffer out = buffer(WsTransmitter.INSTANCE, ledger);
        out.append(new TestEchoAck("hello", 1234));
        writeOut(out);   // leaves
        ReferenceCountUtil.release(channel.readOutbound());
        for (int i = 0; i < 3; i++) {
            out.append(new TestEchoAck("hello", i));
        }
        out.take();
        out.writeTaken();   // three writes, not flushed
        List<Throwable> caught = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                caught.add(cause);
            }
        });
        channel.close();
        assertEquals(3, caught.size(), "each failed write fires its cause down the pipeline: " + caught);
        assertEquals(3, dropped.messages());
        assertEquals(3 * 13, dropped.bytes());
    }

    @ParameterizedTest(name = "write ledger {0}")
    @ValueSource(booleans = {true, false})
    void aWriteThatSucceedsDropsNothing(boolean ledger) {
        OutboundBuffer out = buffer(WsTransmitter.INSTANCE, ledger);
        out.append(new TestEchoAck("hello", 1234));
        writeOut(out);
        Object written = channel.readOutbound();
        ReferenceCountUtil.release(written);
        assertEquals(0, dropped.messages());
    }
}

package io.cellnet.netty.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.FrameException;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.ltv.LtvModel.BinMsg;
import io.cellnet.netty.ltv.LtvModel.Expected;
import io.cellnet.netty.ltv.LtvModel.JsonMsg;
import io.cellnet.netty.ltv.LtvModel.ProtoMsg;
import io.cellnet.testing.EmbeddedPeer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input through the pipeline a peer installs ({@link EmbeddedPeer}: the tcp.ltv decoder and
 * the session handler on an {@code EmbeddedChannel}): random and mutated streams (frames of json,
 * binary and protoplus messages, truncated, bit-flipped, with bytes inserted or removed), split
 * into random chunks. Nothing escapes the pipeline, no buffer leaks, the session closes with a
 * frame or codec cause exactly when the model says a frame is bad (and delivers every message
 * before it), and the peer serves the next session: each try is a new connection of one peer.
 */
class LtvHostileInputTest {
    static final int MAX_PACKET = 4096;

    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private EmbeddedPeer peer;

    @BeforeProperty
    void open() {
        ByteBufUtil.setLeakListener((type, records) -> leaks.add(type));
        peer = EmbeddedPeer.builder().registry(LtvModel.REGISTRY).maxPacketSize(MAX_PACKET)
                .option(ChannelOption.ALLOCATOR, alloc).build();
        peer.stop();
        peer.events().drain();
    }

    @AfterProperty
    void close() {
        peer.close();
        ByteBufUtil.setLeakListener(null);
        assertEquals(0, usedMemory(), "memory left in the accounting allocator");
        assertEquals(List.of(), leaks, "leaks reported by the leak detector");
    }

    @Property(tries = 600)
    void mutatedFrameStreamsInRandomChunks(@ForAll("mutatedStreams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> chunks) {
        feed(stream, chunks);
    }

    @Property(tries = 300)
    void randomBytesInRandomChunks(@ForAll @Size(max = 200) byte[] stream, @ForAll("chunkSizes") List<Integer> chunks) {
        feed(stream, chunks);
    }

    @Property(tries = 200)
    void validStreamsInAnyChunkingAreDeliveredWholeAndTheSessionStaysOpen(@ForAll("validStreams") byte[] stream,
            @ForAll("chunkSizes") List<Integer> chunks) {
        assertFalse(LtvModel.expected(stream, MAX_PACKET).refused());
        feed(stream, chunks);
    }

    /**
     * Feeds {@code stream} to a new connection in chunks of the given sizes (cycled) and checks the
     * outcome. The peer rethrows whatever reached the end of the pipeline unhandled.
     */
    private void feed(byte[] stream, List<Integer> chunkSizes) {
        Expected expected = LtvModel.expected(stream, MAX_PACKET);
        Statistics.label("outcome").collect(expected.refused() ? "refused" : "open");
        Statistics.label("messages").collect(Math.min(expected.messages().size(), 3));
        peer.start();
        List<Object> got = new ArrayList<>(messages());
        assertTrue(got.get(0) instanceof SessionAccepted);
        List<ByteBuf> inputs = new ArrayList<>();
        for (int at = 0, i = 0; at < stream.length; i++) {
            int n = Math.min(stream.length - at, chunkSizes.isEmpty() ? stream.length : chunkSizes.get(i % chunkSizes.size()));
            ByteBuf chunk = alloc.buffer(n).writeBytes(stream, at, n);
            inputs.add(chunk);
            at += n;
            if (peer.channel().isOpen()) {
                peer.writeInbound(chunk);
            } else {
                chunk.release();
            }
        }
        got.addAll(messages());
        List<String> delivered = got.stream().skip(1).filter(m -> !(m instanceof SessionClosed)).map(LtvModel::key)
                .toList();
        assertEquals(expected.messages(), delivered, "messages before the first bad frame");
        assertEquals(!expected.refused(), peer.channel().isOpen(), "open unless a frame was bad");
        if (expected.refused()) {
            SessionClosed closed = (SessionClosed) got.get(got.size() - 1);
            assertEquals(CloseReason.IO, closed.reason());
            assertHandled(closed.cause());
            Statistics.label("cause").collect(closed.cause().getClass().getSimpleName());
        }
        peer.stop();
        got.addAll(messages());
        assertEquals(1, got.stream().filter(m -> m instanceof SessionClosed).count(), "one SessionClosed");
        assertTrue(inputs.stream().allMatch(b -> b.refCnt() == 0), "an input buffer was not released");
        assertEquals(0, usedMemory(), "memory left after the session");
    }

    /** The cause is the decoder's refusal: a frame or codec error, with no other runtime exception inside. */
    private static void assertHandled(Throwable cause) {
        assertTrue(cause instanceof FrameException || cause instanceof CodecException, String.valueOf(cause));
        for (Throwable t = cause; t != null; t = t.getCause()) {
            assertFalse(t instanceof RuntimeException && !(t instanceof CodecException || t instanceof FrameException),
                    () -> "an unexpected exception inside the refusal: " + cause);
        }
    }

    /** The messages of the events recorded since the last call. */
    private List<Object> messages() {
        return peer.events().drain().stream().map(RecvMsgEvent::message).toList();
    }

    private long usedMemory() {
        return alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory();
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 40).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<byte[]> validStreams() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(24);
        Arbitrary<Object> json = Combinators.combine(text, Arbitraries.integers()).as(JsonMsg::new);
        Arbitrary<Object> binary = Combinators.combine(text, Arbitraries.integers().array(int[].class).ofMaxSize(6),
                Arbitraries.longs()).as(BinMsg::new);
        Arbitrary<Object> proto = Combinators.combine(text, Arbitraries.longs(), text.list().ofMaxSize(3),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(10)).as(ProtoMsg::new);
        return Arbitraries.oneOf(json, binary, proto).map(LtvModel::frame).list().ofMinSize(1).ofMaxSize(4)
                .map(LtvModel::concat);
    }

    @Provide
    Arbitrary<byte[]> mutatedStreams() {
        return validStreams().flatMap(b -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, b.length - 1).map(n -> Arrays.copyOf(b, n)),
                Arbitraries.integers().between(0, b.length * 8 - 1).list().ofMinSize(1).ofMaxSize(3)
                        .map(bits -> flip(b, bits)),
                Arbitraries.integers().between(0, b.length).flatMap(at -> Arbitraries.bytes().array(byte[].class)
                        .ofMinSize(1).ofMaxSize(4).map(ins -> splice(b, at, 0, ins))),
                Arbitraries.integers().between(0, b.length - 1).flatMap(at -> Arbitraries.integers()
                        .between(1, Math.min(4, b.length - at)).map(n -> splice(b, at, n, new byte[0])))));
    }

    private static byte[] flip(byte[] b, List<Integer> bits) {
        byte[] out = b.clone();
        bits.forEach(bit -> out[bit / 8] ^= (byte) (1 << (bit % 8)));
        return out;
    }

    /** {@code b} with {@code n} bytes at {@code at} replaced by {@code ins}. */
    private static byte[] splice(byte[] b, int at, int n, byte[] ins) {
        byte[] out = new byte[b.length - n + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at + n, out, at + ins.length, b.length - at - n);
        return out;
    }
}

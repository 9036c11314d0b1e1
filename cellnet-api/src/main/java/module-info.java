/**
 * cellnet's contracts and small pure-Java core: peers, sessions, events, the event queue,
 * processors, codecs, the message registry, and the RPC and relay facades, with no Netty in them.
 * The implementations are in {@code io.cellnet.netty}, found through the five service interfaces
 * this module uses.
 *
 * <p>{@code io.cellnet.internal} is shared with cellnet's own modules only.
 */
// "module": the friends named in the qualified export are compiled after this module.
@SuppressWarnings("module")
module io.cellnet {
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet;
    exports io.cellnet.codec;
    exports io.cellnet.proc;
    exports io.cellnet.rpc;
    exports io.cellnet.relay;
    exports io.cellnet.timer;
    exports io.cellnet.observe;
    exports io.cellnet.internal to io.cellnet.netty, io.cellnet.testing;

    uses io.cellnet.PeerProvider;
    uses io.cellnet.proc.ProcessorProvider;
    uses io.cellnet.codec.CodecProvider;
    uses io.cellnet.rpc.RpcProvider;
    uses io.cellnet.relay.RelayProvider;
}

/**
 * Micrometer meters for cellnet: {@code CellnetMetrics.bind(registry)} installs an observer that
 * counts what every peer, queue, RPC call, relay and mesh built afterwards reports; the builders'
 * {@code observer(CellnetMetrics.observer(registry))} observes one peer; and
 * {@code CellnetMetrics.bindNetty} wires Micrometer's Netty binders.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.cellnet.metrics {
    requires transitive io.cellnet;
    requires transitive io.cellnet.netty;
    requires transitive micrometer.core;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.metrics;
}

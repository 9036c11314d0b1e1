/**
 * The testing kit for code written on cellnet: fake sessions and peers, a manual clock and queue,
 * an embedded-channel peer, and a JUnit 5 extension (which needs {@code org.junit.jupiter.api};
 * everything else works without JUnit).
 */
module io.cellnet.testing {
    requires transitive io.cellnet;
    requires transitive io.cellnet.netty;
    requires io.netty.common;
    requires org.slf4j;
    requires static transitive org.jspecify;
    requires static transitive org.junit.jupiter.api;

    exports io.cellnet.testing;
}

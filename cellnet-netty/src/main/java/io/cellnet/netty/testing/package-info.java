/**
 * JUnit 5 support for users' tests over real peers:
 * {@link io.cellnet.testing.CellnetAcceptorExtension} runs an acceptor (TCP on
 * 127.0.0.1:0, or in memory) around a test class or each test, records its events, and makes
 * connectors to it that it also stops.
 *
 * <p>This package needs {@code org.junit.jupiter:junit-jupiter-api}, an optional dependency of
 * cellnet-netty: add JUnit 5 to your test scope (you already have it if you write JUnit 5 tests).
 * Nothing else in cellnet-netty uses it.
 */
@NullMarked
package io.cellnet.netty.testing;

import org.jspecify.annotations.NullMarked;

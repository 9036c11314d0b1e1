/**
 * JMH micro-benchmarks (profile {@code jmh}; never part of {@code mvn verify}): the tcp.ltv frame
 * encoder and decoder, the json and binary codecs, and the event queue under contention.
 */
@NullMarked
package io.cellnet.examples.jmh;

import org.jspecify.annotations.NullMarked;

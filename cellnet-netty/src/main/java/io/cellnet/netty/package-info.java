/**
 * cellnet on Netty: entry points for building peers. Sub-packages hold the TCP peers, the
 * processors, the codecs, and the test support.
 */
@NullMarked
package io.cellnet.netty;

import org.jspecify.annotations.NullMarked;

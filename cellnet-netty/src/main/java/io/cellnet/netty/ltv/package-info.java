/**
 * The {@code tcp.ltv} processor: Go cellnet's frame {@code [size u16 LE][msgid u16 LE][body]},
 * where size counts the msgid and the body.
 */
@NullMarked
package io.cellnet.netty.ltv;

import org.jspecify.annotations.NullMarked;

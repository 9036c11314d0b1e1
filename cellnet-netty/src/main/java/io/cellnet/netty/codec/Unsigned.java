package io.cellnet.netty.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integer field as the Go unsigned type of the same width: {@code byte} = {@code uint8},
 * {@code short} = {@code uint16}, {@code int} = {@code uint32}, {@code long} = {@code uint64}. The
 * Java value holds the same bits (so {@code -1} in an {@code @Unsigned int} is 4294967295).
 *
 * <ul>
 *   <li>protoplus: an unsigned value is always a varint, a signed negative one is fixed32/fixed64,
 *       so the mark changes the bytes (for example {@code rpc.RemoteCallREQ.MsgID} is {@code uint32}).
 *   <li>json: the number is written and read as unsigned ({@code 18446744073709551615}); a
 *       negative or too large number is an error, as in Go.
 *   <li>binary: no effect; the bytes are the same either way.
 * </ul>
 *
 * <p>Put it on a record component or a field.
 *
 * <p>Thread safety: an annotation, read by the codecs from any thread; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Unsigned {
}

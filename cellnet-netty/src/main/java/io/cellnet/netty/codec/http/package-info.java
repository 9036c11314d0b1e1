/**
 * Go's HTTP codecs: {@code httpjson} ({@link io.cellnet.netty.codec.http.HttpJsonCodec}, the json
 * codec's rules under the HTTP codec's name) and {@code httpform}
 * ({@link io.cellnet.netty.codec.http.HttpFormCodec}, url-encoded forms).
 */
@NullMarked
package io.cellnet.netty.codec.http;

import org.jspecify.annotations.NullMarked;

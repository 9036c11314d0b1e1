/**
 * The Netty-free codec contract, the codec registry and its errors. Codec implementations (json,
 * binary, protoplus) live in cellnet-netty and are found through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.cellnet.codec;

import org.jspecify.annotations.NullMarked;

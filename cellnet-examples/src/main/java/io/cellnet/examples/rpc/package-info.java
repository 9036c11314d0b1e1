/**
 * The {@code rpc} example programs; see {@code docs/examples.md}.
 */
@NullMarked
package io.cellnet.examples.rpc;

import org.jspecify.annotations.NullMarked;

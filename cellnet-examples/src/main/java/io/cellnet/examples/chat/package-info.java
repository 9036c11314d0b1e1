/**
 * The {@code chat} example programs; see {@code docs/examples.md}.
 */
@NullMarked
package io.cellnet.examples.chat;

import org.jspecify.annotations.NullMarked;

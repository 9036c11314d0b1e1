/**
 * The {@code echo} example programs; see {@code docs/examples.md}.
 */
@NullMarked
package io.cellnet.examples.echo;

import org.jspecify.annotations.NullMarked;

/**
 * Runnable example programs, one subcommand each, in one jar:
 * {@code java -jar cellnet-examples/target/cellnet-examples.jar <command> --help}.
 */
@NullMarked
package io.cellnet.examples;

import org.jspecify.annotations.NullMarked;

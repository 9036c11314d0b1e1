/**
 * Go cellnet's message log: one SLF4J DEBUG line per received and sent message, on loggers named
 * per transport and direction ({@code cellnet.msglog.tcp.recv}, {@code cellnet.msglog.tcp.send}),
 * filtered by Go's modes and per-message rules. Free when the loggers are off. See
 * {@code docs/msglog.md}.
 */
@NullMarked
package io.cellnet.netty.msglog;

import org.jspecify.annotations.NullMarked;

/**
 * The observers behind {@code CellnetMetrics}: each turns what cellnet reports into Micrometer
 * meters. Not exported.
 */
@NullMarked
package io.cellnet.metrics.internal;

import org.jspecify.annotations.NullMarked;

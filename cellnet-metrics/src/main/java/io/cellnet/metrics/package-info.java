/**
 * Micrometer meters for cellnet-java. {@link io.cellnet.metrics.CellnetMetrics} is the entry point;
 * docs/metrics.md lists every meter with its tags.
 */
@NullMarked
package io.cellnet.metrics;

import org.jspecify.annotations.NullMarked;

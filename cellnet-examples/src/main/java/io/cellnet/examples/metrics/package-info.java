/**
 * The examples' operations side: the {@code /metrics} (Prometheus text) and {@code /health}
 * endpoint the servers open with {@code --metrics HOST:PORT}, the one seam where meters are bound
 * to its registry, and the {@code metrics-chart} subcommand that draws a dashboard picture from
 * real scrapes.
 */
@NullMarked
package io.cellnet.examples.metrics;

import org.jspecify.annotations.NullMarked;

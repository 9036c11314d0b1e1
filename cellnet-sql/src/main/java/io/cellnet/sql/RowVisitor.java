package io.cellnet.sql;

/**
 * Visits the rows of {@link SqlConnector#each} one at a time, on the connector's queue (Go's
 * {@code Each} callback).
 *
 * <p>Thread safety: called on the queue's thread.
 *
 * @param <T> the row's type
 */
@FunctionalInterface
public interface RowVisitor<T> {

    /** Visits one row; {@code false} stops the visit. */
    boolean visit(T row);
}

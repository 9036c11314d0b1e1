package io.cellnet.netty;

import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * An Awaitility condition that holds while a value stays the same between two polls; with
 * {@code during(..)} it waits until the value has settled.
 */
public final class Stable implements Callable<Boolean> {
    private final LongSupplier value;
    private long last = Long.MIN_VALUE;

    public Stable(LongSupplier value) {
        this.value = value;
    }

    @Override
    public Boolean call() {
        long v = value.getAsLong();
        boolean same = v == last;
        last = v;
        return same;
    }
}

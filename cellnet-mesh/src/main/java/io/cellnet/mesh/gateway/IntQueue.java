package io.cellnet.mesh.gateway;

import java.util.Arrays;

/**
 * A FIFO of {@code int}s on a growable ring: the message ids of a client's requests in flight to
 * one backend, without a boxed {@code Integer} per request.
 *
 * <p>Thread safety: not thread-safe; used on the gateway's queue only.
 */
final class IntQueue {
    private int[] ring = new int[8];
    private int head;
    private int size;

    void add(int v) {
        if (size == ring.length) {
            int[] bigger = new int[ring.length * 2];
            int firstPart = ring.length - head;
            System.arraycopy(ring, head, bigger, 0, firstPart);
            System.arraycopy(ring, 0, bigger, firstPart, head);
            ring = bigger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = v;
        size++;
    }

    /** Drops the oldest element; whether there was one. */
    boolean poll() {
        if (size == 0) {
            return false;
        }
        head = (head + 1) & (ring.length - 1);
        size--;
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Every element, oldest first; the queue is empty afterwards. */
    int[] drain() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) & (ring.length - 1)];
        }
        head = 0;
        size = 0;
        Arrays.fill(ring, 0);
        return out;
    }
}

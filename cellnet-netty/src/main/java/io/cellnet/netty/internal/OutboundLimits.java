package io.cellnet.netty.internal;

import io.cellnet.SlowConsumerPolicy;
import java.util.Objects;

/**
 * A session's outbound bound: the Netty write-buffer watermarks in bytes and what happens above the
 * high one.
 *
 * <p>Thread safety: immutable.
 *
 * @param lowWatermark  below this the session accepts sends again
 * @param highWatermark above this the policy applies
 * @param policy        refuse sends, or close the session
 */
public record OutboundLimits(int lowWatermark, int highWatermark, SlowConsumerPolicy policy) {
    /** The default: 2 MiB low, 4 MiB high, refuse. */
    public static final OutboundLimits DEFAULT = new OutboundLimits(2 << 20, 4 << 20, SlowConsumerPolicy.REFUSE);

    /** Checks the values. */
    public OutboundLimits {
        Objects.requireNonNull(policy, "policy");
        if (lowWatermark < 0 || highWatermark <= 0 || lowWatermark > highWatermark) {
            throw new IllegalArgumentException("need 0 <= low <= high, high > 0: " + lowWatermark + ", " + highWatermark);
        }
    }
}

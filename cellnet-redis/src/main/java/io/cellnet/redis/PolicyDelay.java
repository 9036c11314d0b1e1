package io.cellnet.redis;

import io.cellnet.ReconnectPolicy;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A {@link ReconnectPolicy} as Lettuce's reconnect {@link Delay}. Lettuce cannot give up; when the
 * policy does, this tells the connector (which stops itself) and answers a long delay.
 *
 * <p>Thread safety: as thread-safe as the policy; called on Lettuce's threads.
 */
final class PolicyDelay extends Delay {
    private static final Duration GIVEN_UP = Duration.ofDays(1);

    private final ReconnectPolicy policy;
    private final IntConsumer gaveUp;

    PolicyDelay(ReconnectPolicy policy, IntConsumer gaveUp) {
        this.policy = policy;
        this.gaveUp = gaveUp;
    }

    @Override
    public Duration createDelay(long attempt) {
        int n = (int) Math.min(attempt, Integer.MAX_VALUE);
        Duration d = policy.delayBeforeAttempt(n);
        if (d == null) {
            gaveUp.accept(n);
            return GIVEN_UP;
        }
        return d;
    }
}

package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ReconnectPolicy} as a pure table. */
class ReconnectPolicyTest {
    private static final ReconnectPolicy EXPONENTIAL =
            ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 0);

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 100, Integer.MAX_VALUE})
    void fixedGivesTheSameDelayForEveryAttempt(int attempt) {
        assertEquals(ms(300), ReconnectPolicy.fixed(ms(300)).delayBeforeAttempt(attempt));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 50})
    void zeroFixedDelayAndNoneNeverReconnect(int attempt) {
        assertNull(ReconnectPolicy.fixed(Duration.ZERO).delayBeforeAttempt(attempt));
        assertNull(ReconnectPolicy.none().delayBeforeAttempt(attempt));
    }

    @Test
    void aNegativeFixedDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.fixed(ms(-1)));
    }

    @ParameterizedTest(name = "attempt {0} -> {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "6, 1000", "63, 1000", "64, 1000",
        "2147483647, 1000", "0, 100", "-5, 100"})
    void exponentialDoublesUpToTheCap(int attempt, long expectedMillis) {
        assertEquals(ms(expectedMillis), EXPONENTIAL.delayBeforeAttempt(attempt));
    }

    @ParameterizedTest(name = "attempt {0}, jitter {1}")
    @CsvSource({"1, 0.5, 100", "3, 0.5, 400", "10, 0.5, 1000", "2, 1.0, 200", "4, 0.1, 800"})
    void jitterKeepsTheDelayWithinBounds(int attempt, double jitter, long fullMillis) {
        ReconnectPolicy p = ReconnectPolicy.exponential(ms(100), ms(1000), jitter);
        long full = ms(fullMillis).toNanos();
        long lowest = (long) Math.floor((1 - jitter) * full);
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            Duration d = p.delayBeforeAttempt(attempt);
            assertTrue(d != null && d.toNanos() >= lowest && d.toNanos() <= full, "out of bounds: " + d);
            min = Math.min(min, d.toNanos());
        }
        assertTrue(min < full, "200 delays without any jitter");
    }

    @ParameterizedTest
    @CsvSource({"0, 1000, 0", "-100, 1000, 0", "100, 50, 0", "100, 1000, -0.1", "100, 1000, 1.5",
        "100, 1000, NaN"})
    void exponentialRefusesBadArguments(long initialMillis, long maxMillis, double jitter) {
        assertThrows(IllegalArgumentException.class,
                () -> ReconnectPolicy.exponential(ms(initialMillis), ms(maxMillis), jitter));
    }

    @ParameterizedTest(name = "max {0}, attempt {1} -> {2}")
    @CsvSource(nullValues = "-", value = {"3, 1, 100", "3, 3, 400", "3, 4, -", "3, 100, -", "0, 1, -",
        "1, 1, 100", "1, 2, -"})
    void withMaxAttemptsGivesUpAfterThatManyRetries(int max, int attempt, Long expectedMillis) {
        Duration d = EXPONENTIAL.withMaxAttempts(max).delayBeforeAttempt(attempt);
        assertEquals(expectedMillis == null ? null : ms(expectedMillis), d);
    }

    @Test
    void withMaxAttemptsRefusesANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> EXPONENTIAL.withMaxAttempts(-1));
    }
}

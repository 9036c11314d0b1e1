package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.ReconnectPolicy;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.internal.stream.ReconnectWatchdog;
import io.cellnet.netty.internal.stream.Redialer;
import io.cellnet.testing.ManualScheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnect watchdog alone, dialing in-memory channels that nobody accepts, on the manual
 * clock: it numbers the attempts, retries on its timer per the policy, gives up when the policy
 * does, and a stop cancels what is pending.
 */
class ReconnectWatchdogTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final ManualScheduler clock = new ManualScheduler();
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final AtomicInteger dials = new AtomicInteger();
    private final Redialer nobodyListens = new Redialer() {
        @Override
        public ChannelFuture dial(long generation) {
            dials.incrementAndGet();
            return new Bootstrap().group(group).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter())
                    .connect(new LocalAddress("reconnect-watchdog-test-nobody"));
        }

        @Override
        public void attemptFailed(int attempt, Throwable cause, boolean willRetry) {
            reports.add("attempt " + attempt + " failed" + (willRetry ? ", will retry" : ""));
        }

        @Override
        public void reconnected(int attempt, Duration outage) {
            reports.add("reconnected at attempt " + attempt);
        }

        @Override
        public void gaveUp(int lastAttempt, boolean connectionLost) {
            reports.add("gave up after attempt " + lastAttempt);
        }
    };

    @AfterEach
    void shutDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private String nextReport() throws InterruptedException {
        String r = reports.poll(NetFixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
        return r == null ? "nothing reported" : r;
    }

    @Test
    void failedAttemptsAreRetriedOnTheTimerUntilTheStopCancelsIt() throws Exception {
        ReconnectWatchdog watchdog = new ReconnectWatchdog(ReconnectPolicy.fixed(Duration.ofSeconds(1)), nobodyListens);
        CompletableFuture<Void> first = watchdog.start(clock);
        assertEquals("attempt 0 failed, will retry", nextReport());
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS), "the first connection failed");
        await().atMost(NetFixtures.WAIT).until(() -> clock.pendingTasks() == 1);
        clock.advance(Duration.ofMillis(999));
        assertEquals(1, dials.get(), "not before the delay");
        clock.advance(Duration.ofMillis(1));
        assertEquals(2, dials.get());
        assertEquals("attempt 1 failed, will retry", nextReport());
        await().atMost(NetFixtures.WAIT).until(() -> clock.pendingTasks() == 1);
        watchdog.stop().get(5, TimeUnit.SECONDS);
        assertEquals(0, clock.pendingTasks(), "the stop cancelled the timer");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(2, dials.get(), "no attempt after the stop");
        assertEquals(0, reports.size());
    }

    @Test
    void whenThePolicyGivesUpTheFirstFailureIsTheLast() throws Exception {
        ReconnectWatchdog watchdog = new ReconnectWatchdog(ReconnectPolicy.none(), nobodyListens);
        CompletableFuture<Void> first = watchdog.start(clock);
        assertEquals("attempt 0 failed", nextReport());
        assertEquals("gave up after attempt 0", nextReport());
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertEquals(0, clock.pendingTasks());
        watchdog.stop().get(5, TimeUnit.SECONDS);
        assertEquals(1, dials.get());
    }

    @Test
    void aRestartNumbersItsAttemptsFromZeroAgain() throws Exception {
        ReconnectWatchdog watchdog = new ReconnectWatchdog(ReconnectPolicy.fixed(Duration.ofSeconds(1)), nobodyListens);
        watchdog.start(clock);
        assertEquals("attempt 0 failed, will retry", nextReport());
        await().atMost(NetFixtures.WAIT).until(() -> clock.pendingTasks() == 1);
        watchdog.stop().get(5, TimeUnit.SECONDS);
        watchdog.start(clock);
        assertEquals("attempt 0 failed, will retry", nextReport());
        await().atMost(NetFixtures.WAIT).until(() -> clock.pendingTasks() == 1);
        watchdog.stop().get(5, TimeUnit.SECONDS);
        assertEquals(2, dials.get());
    }
}

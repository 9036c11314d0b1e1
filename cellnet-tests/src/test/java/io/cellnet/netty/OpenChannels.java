package io.cellnet.netty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every connection channel the peers of a test open, as their pipeline configurer
 * ({@code .pipeline(channels)}, called once per accepted or dialled channel), so that the test can
 * assert that none is left open after the peers have stopped.
 */
public final class OpenChannels implements PipelineConfigurer {
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

    @Override
    public void configure(Channel channel) {
        channels.add(channel);
    }

    /** How many channels were recorded. */
    public int recorded() {
        return channels.size();
    }

    /** The recorded channels still open. */
    public List<Channel> open() {
        return channels.stream().filter(Channel::isOpen).toList();
    }

    /** Waits (bounded) until every recorded channel is closed; fails naming those still open. */
    public void assertAllClosed() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(List.of(), open(), "channels left open"));
    }
}

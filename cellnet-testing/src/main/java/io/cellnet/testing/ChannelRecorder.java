package io.cellnet.testing;

import io.cellnet.netty.PipelineConfigurer;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every connection channel of the stream peers it configures ({@code .pipeline(recorder)}
 * is called once per accepted or dialled channel), so that a test can check that none is left
 * open once the peers have stopped.
 *
 * <p>Thread safety: {@link #configure} is called on the channels' event loops; every method may be
 * called from any thread.
 */
final class ChannelRecorder implements PipelineConfigurer {
    private final List<Channel> channels = new ArrayList<>();

    @Override
    public void configure(Channel channel) {
        synchronized (channels) {
            channels.add(channel);
        }
    }

    /** Every channel recorded since the last {@link #clear()}, in the order they were made. */
    List<Channel> recorded() {
        synchronized (channels) {
            return List.copyOf(channels);
        }
    }

    /**
     * Waits until every recorded channel is closed, at most {@code timeout} in all.
     *
     * @throws AssertionError naming the channels still open
     */
    void awaitAllClosed(Duration timeout) {
        Waits.until(() -> open().isEmpty(), timeout,
                () -> open().size() + " connection channel(s) left open after their peers stopped: " + open());
    }

    private List<Channel> open() {
        return recorded().stream().filter(Channel::isOpen).toList();
    }

    /** Forgets every recorded channel. */
    void clear() {
        synchronized (channels) {
            channels.clear();
        }
    }
}

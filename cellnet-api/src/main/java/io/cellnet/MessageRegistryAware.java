package io.cellnet;

/**
 * A session (or other object) that knows the {@link MessageRegistry} its messages are encoded and
 * decoded with. Helpers that encode a message inside another one (RPC and relay envelopes) look for
 * this capability on the session and fall back to {@link MessageRegistry#global()} without it.
 * cellnet-netty's sessions and {@code io.cellnet.testing.FakeSession} implement it.
 *
 * <p>Thread safety: {@link #registry()} may be called from any thread.
 */
public interface MessageRegistryAware {

    /** The registry this object's messages are encoded and decoded with. */
    MessageRegistry registry();
}

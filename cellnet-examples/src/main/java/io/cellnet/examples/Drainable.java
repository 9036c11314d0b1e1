package io.cellnet.examples;

import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * What a server drains on SIGTERM: {@code TcpAcceptor::drain}, {@code Gateway::drain}, or a game
 * instance that deregisters first ({@link ServerRun#untilStopped}).
 *
 * <p>Thread safety: called once, on the command's thread; it must not block.
 */
@FunctionalInterface
public interface Drainable {

    /** Starts draining: as {@link io.cellnet.TcpAcceptor#drain}, the stage completes once every session has gone. */
    CompletionStage<DrainResult> drain(Duration deadline, DrainHook hook);
}

package io.cellnet.examples.bench;

import io.cellnet.examples.EchoMessages;

/**
 * Starts the benchmark's own echo servers by target name, in the calling JVM.
 *
 * <p>Thread safety: stateless.
 */
final class InProcessServer {
    private InProcessServer() {
    }

    /**
     * The server of {@code target} ({@code raw}, or a cellnet queue kind: {@code thread},
     * {@code loop}, {@code none}) with {@code codec} and {@code threads} I/O threads.
     */
    static EchoServer start(String target, String codec, int threads) throws InterruptedException {
        return target.equals("raw") ? new RawEchoServer(threads)
                : new CellnetEchoServer(EchoMessages.registry(codec), target, threads);
    }
}

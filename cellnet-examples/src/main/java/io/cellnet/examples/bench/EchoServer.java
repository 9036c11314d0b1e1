package io.cellnet.examples.bench;

import java.util.List;

/**
 * A server the benchmark drives in-process.
 *
 * <p>Thread safety: {@link #close} may be called from any thread once.
 */
interface EchoServer extends AutoCloseable {

    /** The bound port on 127.0.0.1. */
    int port();

    /** The connections the server holds now. */
    int connections();

    /** Name prefixes of the server's threads, for allocation accounting. */
    List<String> threadPrefixes();

    @Override
    void close();
}

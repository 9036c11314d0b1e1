package io.cellnet.examples.bench;

/**
 * A server the benchmark drives: in this process, or in a child JVM ({@link ChildServer}).
 *
 * <p>Thread safety: {@link #close} may be called from any thread once.
 */
interface EchoServer extends AutoCloseable {

    /** The bound port on 127.0.0.1. */
    int port();

    /** The connections the server holds now. */
    int connections();

    /** Bytes the server's threads have allocated so far (HotSpot's per-thread counters). */
    long allocatedBytes();

    /**
     * CPU time, in nanoseconds, the server has used so far: its whole process (GC and compiler
     * included) when it runs in a JVM of its own, its threads only in the client's JVM.
     */
    long cpuNanos();

    @Override
    void close();
}

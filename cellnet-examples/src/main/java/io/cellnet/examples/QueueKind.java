package io.cellnet.examples;

import io.cellnet.EventQueue;
import io.cellnet.netty.NettyQueues;

/**
 * The three kinds of event queue a server can run its callback on (see {@code docs/queue.md}):
 * {@code thread}, one queue thread fed by the I/O threads (Go's model); {@code loop}, a queue
 * whose thread is the event loop its peers do their I/O on; {@code none}, the I/O threads
 * themselves ({@link EventQueue#direct()}).
 *
 * <p>Thread safety: stateless.
 */
public final class QueueKind {
    /** {@code --queue thread|loop|none}. */
    public static final Option OPTION = Option.of("queue", "thread|loop|none", "thread",
            "the handler's queue: one queue thread, the event loop of its I/O, or the I/O threads");
    /** {@code --no-queue}, an alias of {@code --queue none}. */
    public static final Option NO_QUEUE = Option.flag("no-queue", "the same as --queue none");

    private QueueKind() {
    }

    /** The kind chosen on the command line; {@code --no-queue} is {@code none}. */
    public static String of(Args args) {
        if (args.flag(NO_QUEUE)) {
            args.refuse("--no-queue (an alias of --queue none)", OPTION);
            return "none";
        }
        return args.choice(OPTION);
    }

    /** A started queue of {@code kind} named {@code name}. */
    public static EventQueue create(String kind, String name) {
        return switch (kind) {
            case "thread" -> EventQueue.create(name).startLoop();
            case "loop" -> NettyQueues.loop(name);
            case "none" -> EventQueue.direct();
            default -> throw new IllegalArgumentException("unknown queue kind '" + kind + "'");
        };
    }
}

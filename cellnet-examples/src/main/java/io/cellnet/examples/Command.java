package io.cellnet.examples;

import java.util.Objects;

/**
 * One subcommand of the examples jar: its usage, from which its help is made and its arguments
 * parsed, and its body.
 *
 * <p>Thread safety: immutable; {@link #run} is called once per invocation, on the thread that runs
 * {@link Main#run} (the main thread, or a test's thread).
 *
 * @param usage the command's name, summary, modes and options
 * @param body  what it does with its parsed arguments
 */
public record Command(Usage usage, Body body) {

    /** Checks the arguments. */
    public Command {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(body, "body");
    }

    /**
     * What a command does.
     *
     * <p>Thread safety: runs on the command's thread.
     */
    @FunctionalInterface
    public interface Body {

        /**
         * Runs the command with its parsed arguments. Result lines go to {@code console.out()}; logs
         * go through SLF4J.
         *
         * @return the process exit code: 0 success, 1 failure (after a {@code FAIL: reason} line)
         * @throws IllegalArgumentException for a bad option value (exit code 2)
         */
        int run(Args args, Console console) throws Exception;
    }

    /** Runs the body; see {@link Body#run}. */
    public int run(Args args, Console console) throws Exception {
        return body.run(args, console);
    }
}

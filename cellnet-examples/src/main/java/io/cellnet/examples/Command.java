package io.cellnet.examples;

/**
 * One subcommand of the examples jar.
 *
 * <p>Thread safety: {@link #run} is called once, on the thread that runs {@link Main#run} (the main
 * thread, or a test's thread).
 */
public interface Command {

    /** The subcommand's name, for example {@code "echo-server"}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full usage text printed by {@code --help}. */
    String usage();

    /**
     * Runs the command. Result lines go to {@code console.out()}; logs go through SLF4J.
     *
     * @return the process exit code: 0 success, 1 failure (after a {@code FAIL: reason} line)
     * @throws IllegalArgumentException for a bad option (exit code 2)
     */
    int run(Args args, Console console) throws Exception;
}

package io.cellnet.examples;

/**
 * One subcommand of the examples jar.
 *
 * <p>Thread safety: {@link #run} is called once, on the main thread.
 */
public interface Command {

    /** The subcommand's name, for example {@code "echo-server"}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full usage text printed by {@code --help}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code
     */
    int run(Args args) throws Exception;
}

package io.cellnet.examples;

import io.cellnet.examples.bench.BenchCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples jar's entry point: {@code java -jar cellnet-examples.jar <command> [options]}.
 *
 * <p>Thread safety: runs on the main thread.
 */
public final class Main {
    private Main() {
    }

    /** Every subcommand, in the order the help lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(new DemoCommand(), new BenchCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    /** Runs the subcommand named by {@code args[0]} and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the subcommand named by {@code args[0]}; returns its exit code. */
    public static int run(String... args) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || !commands.containsKey(args[0])) {
            System.out.println("usage: java -jar cellnet-examples.jar <command> [options]   (<command> --help for more)");
            commands.values().forEach(c -> System.out.printf("  %-15s %s%n", c.name(), c.summary()));
            return args.length == 0 || args[0].equals("--help") ? 0 : 2;
        }
        Command command = commands.get(args[0]);
        try {
            Args parsed = new Args(Arrays.asList(args).subList(1, args.length));
            if (parsed.help()) {
                System.out.println(command.usage());
                return 0;
            }
            return command.run(parsed);
        } catch (IllegalArgumentException e) {
            System.out.println("FAIL: " + e.getMessage());
            System.out.println(command.usage());
            return 2;
        } catch (Exception e) {
            System.out.println("FAIL: " + e);
            return 1;
        }
    }
}

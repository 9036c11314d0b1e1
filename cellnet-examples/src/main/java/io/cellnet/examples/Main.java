package io.cellnet.examples;

import io.cellnet.examples.bench.BenchCommand;
import io.cellnet.examples.chat.ChatClientCommand;
import io.cellnet.examples.chat.ChatServerCommand;
import io.cellnet.examples.chat.WsChatServerCommand;
import io.cellnet.examples.echo.EchoClientCommand;
import io.cellnet.examples.echo.EchoServerCommand;
import io.cellnet.examples.http.HttpClientCommand;
import io.cellnet.examples.http.HttpServerCommand;
import io.cellnet.examples.mesh.MeshClientCommand;
import io.cellnet.examples.mesh.MeshDemoCommand;
import io.cellnet.examples.mesh.MeshGameCommand;
import io.cellnet.examples.metrics.MetricsChartCommand;
import io.cellnet.examples.mesh.MeshGatewayCommand;
import io.cellnet.examples.leaderboard.LeaderboardClientCommand;
import io.cellnet.examples.leaderboard.LeaderboardServerCommand;
import io.cellnet.examples.rpc.RpcClientCommand;
import io.cellnet.examples.rpc.RpcServerCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples jar's entry point: {@code java -jar cellnet-examples.jar <command> [options]}.
 *
 * <p>Exit codes: 0 success, 1 failure (the command printed {@code FAIL: reason}), 2 bad usage (an
 * unknown command or option, or a bad option value; the error and the usage go to stderr).
 *
 * <p>Thread safety: {@link #run} may be called from any thread; each call runs one command.
 */
public final class Main {
    private Main() {
    }

    /** Every subcommand, in the order the help lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.of(DemoCommand.COMMAND, EchoServerCommand.COMMAND, EchoClientCommand.COMMAND,
                ChatServerCommand.COMMAND, ChatClientCommand.COMMAND, WsChatServerCommand.COMMAND, RpcServerCommand.COMMAND,
                RpcClientCommand.COMMAND, HttpServerCommand.COMMAND, HttpClientCommand.COMMAND, LeaderboardServerCommand.COMMAND, LeaderboardClientCommand.COMMAND,
                BenchCommand.COMMAND,
                MeshGameCommand.COMMAND, MeshGatewayCommand.COMMAND, MeshClientCommand.COMMAND, MeshDemoCommand.COMMAND,
                MetricsChartCommand.COMMAND)) {
            m.put(c.usage().command(), c);
        }
        return m;
    }

    /** Runs the subcommand named by {@code args[0]} on the standard streams and exits with its code. */
    public static void main(String[] args) {
        Console console = Console.system();
        int code = 1;
        try {
            code = run(console, args);
        } catch (Throwable t) {
            // An Error (a class-path mismatch, say) must still end the process: the peers' and
            // queues' threads are not daemons.
            console.out().println("FAIL: " + t);
            t.printStackTrace(console.err());
        } finally {
            console.finished(code);
            System.exit(code);
        }
    }

    /** Runs the subcommand named by {@code args[0]} on {@code console}; returns its exit code. */
    public static int run(Console console, String... args) {
        Map<String, Command> commands = commands();
        boolean help = args.length == 0 || args[0].equals("--help") || args[0].equals("-h");
        if (help || !commands.containsKey(args[0])) {
            if (!help) {
                console.err().println("error: unknown command '" + args[0] + "'");
            }
            (help ? console.out() : console.err()).println(overview(commands));
            return help ? 0 : 2;
        }
        Usage usage = commands.get(args[0]).usage();
        try {
            Args parsed = Args.parse(usage, Arrays.asList(args).subList(1, args.length));
            if (parsed.help()) {
                console.out().println(usage.text());
                return 0;
            }
            return commands.get(args[0]).run(parsed, console);
        } catch (IllegalArgumentException e) {
            console.err().println("error: " + usage.command() + ": " + e.getMessage());
            console.err().println("usage: " + usage.text());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.out().println("FAIL: interrupted");
            return 1;
        } catch (Exception e) {
            console.out().println("FAIL: " + e);
            return 1;
        }
    }

    private static String overview(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder(
                "usage: java -jar cellnet-examples.jar <command> [options]   (<command> --help for more)");
        commands.values().forEach(c -> sb.append(String.format("%n  %-15s %s", c.usage().command(), c.usage().summary())));
        return sb.toString();
    }
}

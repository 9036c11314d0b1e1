package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: the list, --help of every command, usage errors (exit 2), and demo. */
@ExtendWith(NoLeftoversExtension.class)
class MainTest {

    static Stream<String> commands() {
        return Main.commands().keySet().stream();
    }

    @Test
    void noCommandListsEveryCommand() throws Exception {
        InProcess run = InProcess.run("--help").assertExit(0);
        for (String name : Main.commands().keySet()) {
            assertTrue(run.out.lines().stream().anyMatch(l -> l.startsWith("  " + name + " ")), run.out::text);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) throws Exception {
        InProcess run = InProcess.run(command, "--help").assertExit(0);
        assertTrue(run.out.text().startsWith(command + " "), run.out::text);
        assertEquals(Main.commands().get(command).usage().text(), String.join(System.lineSeparator(),
                run.out.lines()));
        assertEquals(List.of(), run.err.lines());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anUnknownOptionIsAUsageError(String command) throws Exception {
        InProcess run = InProcess.run(command, "--bogus", "1").assertExit(2);
        assertEquals("error: " + command + ": unknown option --bogus", run.err.lines().get(0), run.err::text);
        assertTrue(run.err.lines().get(1).startsWith("usage: " + command + " "), run.err::text);
        assertEquals(List.of(), run.out.lines());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(List.of("echo-server", "--codec", "xml"), "--codec must be one of json|binary|gogopb, got 'xml'"),
                Arguments.of(List.of("echo-server", "--transport", "sctp"), "--transport must be one of"),
                Arguments.of(List.of("echo-server", "--address", "nowhere"),
                        "--address must be HOST:PORT: invalid address 'nowhere'"),
                Arguments.of(List.of("echo-server", "--address"), "--address needs a value (HOST:PORT)"),
                Arguments.of(List.of("echo-server", "--address", "--codec", "json"), "--address needs a value"),
                Arguments.of(List.of("echo-server", "--no-queue", "yes"), "--no-queue takes no value, got 'yes'"),
                Arguments.of(List.of("echo-server", "--queue", "fast"), "--queue must be one of thread|loop|none, got 'fast'"),
                Arguments.of(List.of("echo-server", "--no-queue", "--queue", "none"),
                        "--queue does not apply to --no-queue (an alias of --queue none)"),
                Arguments.of(List.of("echo-client", "--count", "0"), "--count must be at least 1, got 0"),
                Arguments.of(List.of("echo-client", "--count", "many"), "--count needs a number, got 'many'"),
                Arguments.of(List.of("echo-client", "--mode", "rpc"),
                        "--mode must be one of plain|rpc-sync|rpc-async|relay, got 'rpc'"),
                Arguments.of(List.of("chat-client", "--address", "127.0.0.1:1~9"), "--address must be HOST:PORT"),
                Arguments.of(List.of("rpc-client", "--mode", "later"), "--mode must be one of sync|async|both"),
                Arguments.of(List.of("echo-client", "stray"), "unexpected argument 'stray'"),
                Arguments.of(List.of("ws-chat-server", "--ws-address", "ws://h:1"), "--ws-address must be HOST:PORT[/PATH]"),
                Arguments.of(List.of("demo", "--count", "1", "--count", "2"), "--count is given twice"),
                Arguments.of(List.of("bench", "walk"), "unknown mode 'walk', expected one of run|compare|idle"),
                Arguments.of(List.of("bench", "--rounds", "5"), "--rounds does not apply to bench run"),
                Arguments.of(List.of("bench", "compare", "--rounds", "2"), "--rounds must be at least 3, got 2"),
                Arguments.of(List.of("bench", "compare", "--targets", "raw"),
                        "--targets needs two or more different targets, got 'raw'"),
                Arguments.of(List.of("bench", "compare", "--targets", "raw,go"),
                        "--targets has an unknown target 'go'; the targets are raw, thread, loop, none, thread-metrics,"
                                + " loop-metrics, external"),
                Arguments.of(List.of("bench", "--server-jvm", "same", "--server-jvm-args", "-Xmx1g"),
                        "--server-jvm-args does not apply to --server-jvm same"),
                Arguments.of(List.of("bench", "idle", "--report", "x.html"), "--report does not apply to bench idle"),
                Arguments.of(List.of("bench", "--window", "8"), "--window does not apply to --mode pingpong"),
                Arguments.of(List.of("bench", "--target", "external"), "--target external needs --address HOST:PORT"),
                Arguments.of(List.of("bench", "compare", "--targets", "raw,external"),
                        "--targets external needs --address HOST:PORT"),
                Arguments.of(List.of("bench", "compare", "--targets", "raw,thread", "--address", "127.0.0.1:7701"),
                        "--address is the external server's: it needs --targets external"),
                Arguments.of(List.of("bench", "idle", "--seconds", "1"), "--seconds does not apply to bench idle"),
                Arguments.of(List.of("bench", "idle", "--target", "external"), "--target external does not apply"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsAUsageErrorNamingItWithTheUsage(List<String> args, String message) throws Exception {
        InProcess run = InProcess.run(args.toArray(new String[0])).assertExit(2);
        assertTrue(run.err.lines().get(0).startsWith("error: " + args.get(0) + ": " + message), run.err::text);
        assertEquals("usage: " + Main.commands().get(args.get(0)).usage().text(),
                String.join(System.lineSeparator(), run.err.lines().subList(1, run.err.lines().size())));
        assertEquals(List.of(), run.out.lines());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        InProcess run = InProcess.run("ecoh-server").assertExit(2);
        assertEquals("error: unknown command 'ecoh-server'", run.err.lines().get(0));
        assertEquals(List.of(), run.out.lines());
    }

    @Test
    void demoEchoesAndExits0() throws Exception {
        InProcess run = InProcess.run("demo", "--count", "3").assertExit(0);
        assertTrue(run.out.lines().contains("demo: OK, 3 messages echoed"), run.out::text);
        for (int i = 1; i <= 3; i++) {
            String echo = "client: echo TestEchoAck[Msg=hello " + i + ", Value=" + i + "]";
            assertTrue(run.out.lines().contains(echo), run.out::text);
        }
    }

    @Test
    void benchDrivesTheEchoServerAsAnExternalTarget() throws Exception {
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--codec", "json")) {
            // bench prints its RESULT line on System.out (not captured here); it exits 1 on any failure
            InProcess.run("bench", "--target", "external", "--address", server.listening(), "--seconds", "1",
                    "--warmup", "0").assertExit(0);
            server.stop();
            server.assertExit(0);
        }
    }

    @Test
    void benchCompareAlternatesAnExternalServerWithItsOwnTargets(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("compare.html");
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--codec", "json")) {
            // --address goes with "external" in --targets, while raw and loop start servers of their own
            InProcess.run("bench", "compare", "--targets", "raw,external,loop", "--address", server.listening(),
                    "--rounds", "3", "--seconds", "1", "--warmup", "0", "--server-jvm", "same",
                    "--report", html.toString()).assertExit(0);
            server.stop();
            server.assertExit(0);
        }
        String page = Files.readString(html);
        for (String target : List.of("raw", "external", "loop")) {
            assertTrue(page.contains("data-target=\"" + target + "\""), target);
        }
    }

    @Test
    void benchRunsItsOwnServerInAChildJvmAndWritesTheChart(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("run.svg");
        InProcess.run("bench", "--target", "loop", "--seconds", "1", "--warmup", "0", "--report", svg.toString())
                .assertExit(0);
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg") && chart.contains("data-target=\"loop\""), chart);
    }

    @Test
    void benchComparesAServerWithAndWithoutMetrics(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("metrics.html");
        InProcess.run("bench", "compare", "--targets", "thread,thread-metrics", "--rounds", "3", "--seconds", "1",
                "--warmup", "0", "--server-jvm", "same", "--report", html.toString()).assertExit(0);
        String page = Files.readString(html);
        for (String target : List.of("thread", "thread-metrics")) {
            assertTrue(page.contains("data-target=\"" + target + "\"") && page.contains("<td>" + target + "</td>"),
                    target);
        }
    }

    @Test
    void benchCompareAlternatesTargetsAndWritesThePage(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("compare.html");
        InProcess.run("bench", "compare", "--targets", "raw,loop,thread", "--rounds", "3", "--seconds", "1",
                "--warmup", "0", "--server-jvm", "same", "--report", html.toString()).assertExit(0);
        String page = Files.readString(html);
        for (String target : List.of("raw", "loop", "thread")) {
            assertTrue(page.contains("data-target=\"" + target + "\"") && page.contains("<td>" + target + "</td>"),
                    target);
        }
    }
}

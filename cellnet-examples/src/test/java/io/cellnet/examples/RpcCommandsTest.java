package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rpc-server and rpc-client in-process: sync and async calls with round-trip times. */
@ExtendWith(NoLeftoversExtension.class)
class RpcCommandsTest {

    @Test
    void syncAndAsyncCallsAreAnsweredAndTimed() throws Exception {
        try (InProcess server = InProcess.start("rpc-server", "--address", "127.0.0.1:0", "--codec", "binary")) {
            String address = server.listening();
            InProcess client = InProcess.run("rpc-client", "--address", address, "--codec", "binary", "--count", "3")
                    .assertExit(0);
            List<String> lines = client.out.lines();
            assertEquals(8, lines.size(), client.out::text);
            for (int i = 1; i <= 3; i++) {
                assertTrue(lines.get(i - 1).matches("sync #" + i + ": " + i + "\\+" + i * 10 + "=" + i * 11
                        + " rtt_us=\\d+"), client.out::text);
                String async = "async #" + i + ": " + i + "+" + i * 10 + "=" + i * 11 + " rtt_us=";
                assertTrue(lines.subList(4, 7).stream().anyMatch(l -> l.startsWith(async)), client.out::text);
            }
            assertTrue(lines.get(3).matches("OK mode=sync n=3 avg_us=\\d+ max_us=\\d+"), client.out::text);
            assertTrue(lines.get(7).matches("OK mode=async n=3 avg_us=\\d+ max_us=\\d+"), client.out::text);

            InProcess.run("rpc-client", "--address", address, "--codec", "binary", "--count", "2", "--mode", "async")
                    .assertExit(0);
            server.stop();
            server.assertExit(0);
            // (1 warm-up + 3 sync + 3 async) + (1 warm-up + 2 async)
            assertEquals("STOPPED calls=10", server.out.lines().get(server.out.lines().size() - 1));
        }
    }

    @Test
    void aCodecMismatchFailsTheCall() throws Exception {
        try (InProcess server = InProcess.start("rpc-server", "--address", "127.0.0.1:0", "--codec", "json")) {
            InProcess client = InProcess.run("rpc-client", "--address", server.listening(), "--codec", "binary",
                    "--count", "1", "--mode", "sync", "--timeout-ms", "500").assertExit(1);
            assertTrue(client.out.text().startsWith("FAIL: warm-up call failed: java.util.concurrent.TimeoutException"),
                    client.out::text);
        }
    }
}

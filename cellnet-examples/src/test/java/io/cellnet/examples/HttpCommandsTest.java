package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** http-server (in-process) answered by http-client: Go's TestHttp endpoints, the GM endpoints, static files. */
@ExtendWith(NoLeftoversExtension.class)
class HttpCommandsTest {

    @Test
    void theGmServerAnswersGosTestHttpAndItsJsonEndpoints(@TempDir Path www) throws Exception {
        Files.writeString(www.resolve("index.html"), "<h1>GM</h1>");
        try (InProcess server = InProcess.start("http-server", "--address", "127.0.0.1:0", "--static", www.toString())) {
            String address = server.listening();
            assertTrue(address.matches("127\\.0\\.0\\.1:\\d+") && !address.endsWith(":0"), address);
            assertEquals("OK {\"Token\":\"get\",\"Status\":0}", client(address, "--path", "/hello_get", "--user",
                    "kitty_get").assertExit(0).out.lines().get(0));
            assertEquals("OK {\"Token\":\"post\",\"Status\":0}", client(address, "--method", "POST", "--path",
                    "/hello_post", "--user", "kitty_post").assertExit(0).out.lines().get(0));
            assertEquals("OK {\"Id\":1,\"Text\":\"restart at 5\"}", client(address, "--method", "POST", "--path",
                    "/api/notice", "--notice", "restart at 5", "--codec", "httpform").assertExit(0).out.lines().get(0));
            assertTrue(client(address).assertExit(0).out.lines().get(0)
                    .matches("OK \\{\"UptimeSeconds\":\\d+,\"Requests\":4,\"Notices\":1}"));
            assertEquals("OK <h1>GM</h1>", client(address, "--path", "/").assertExit(0).out.lines().get(0));
            assertEquals("FAIL: GET /nothing answered 404: 404 Not found",
                    client(address, "--path", "/nothing").assertExit(1).out.lines().get(0));
            server.stop();
            server.assertExit(0);
            assertEquals("STOPPED requests=6", server.out.lines().get(server.out.lines().size() - 1));
        }
    }

    private static InProcess client(String address, String... more) throws Exception {
        String[] args = new String[more.length + 3];
        args[0] = "http-client";
        args[1] = "--address";
        args[2] = address;
        System.arraycopy(more, 0, args, 3, more.length);
        return InProcess.run(args);
    }
}

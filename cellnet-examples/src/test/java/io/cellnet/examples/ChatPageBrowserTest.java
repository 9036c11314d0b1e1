package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * ws-chat-server's page in headless Chromium: two browser users (two windows, joined with
 * {@code ?name=}) and one TCP {@code chat-client} chat every way; unicode and emoji arrive intact,
 * HTML is shown as text; blank and over-size lines are refused by the page; a 60,000-character
 * line wraps (also at phone width); an over-size message forced past the page gets the server's
 * 1009 close to the page while the others stay connected; the server restarted in place is
 * reconnected to by itself, with a line typed meanwhile sent after the reconnect; a closed window
 * is a leave notice. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(NoLeftoversExtension.class)
class ChatPageBrowserTest {
    private static final String MAX_FRAME_REASON = "Max frame length of 65536 has been exceeded.";
    /** How many lines of class {@code kind} ("line", "own", "notice"...), from {@code who} (null: a notice), read {@code text}. */
    private static final String COUNT_LINES = """
            const [kind, who, text] = arguments;
            return [...document.querySelectorAll('#log li')].filter(li => li.classList.contains(kind)
                && (who === null || li.querySelector('.who')?.textContent === who)
                && (who === null ? li.textContent === text : li.lastChild.textContent === text)).length;""";

    private Chromium chromium;

    @Test
    void twoBrowsersAndATerminalChatThroughLimitsRestartsAndLeaves() throws Exception {
        List<String> args = serverArgs();
        InProcess server = InProcess.start(args.toArray(String[]::new));
        try (Chromium c = Chromium.start(900, 640);
                InProcess terminal = InProcess.start("chat-client", "--address", server.listening())) {
            chromium = c;
            String url = server.out.await(l -> l.startsWith("WEB "), InProcess.WAIT).substring(4);
            terminal.out.await(l -> l.startsWith("connected to "), InProcess.WAIT);

            String alice = chromium.driver.getWindowHandle();
            join(url, "alice");
            WebElement box = messageBox();
            assertEquals("Message", box.getAccessibleName());
            assertEquals("textbox", box.getAriaRole());
            assertEquals("cellnet-java chat", chromium.driver.getTitle());
            String bob = chromium.driver.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
            join(url, "bob");
            awaitLine(alice, "notice", null, "bob joined");
            assertEquals(Map.of("1", "sid1", "10001", "alice", "10002", "bob"),
                    chromium.js("return Object.fromEntries(chatPage.names)"));

            // Unicode and emoji (set by script: chromedriver types only the BMP), then Enter.
            String hello = "hello bob \uD83D\uDC4B\uD83C\uDFFD ünïcödé 中文 עברית";
            say(alice, hello);
            awaitLine(bob, "line", "alice", hello);
            awaitLine(alice, "own", "alice", hello);
            terminal.out.await("sid10001 say: " + hello, InProcess.WAIT);

            String html = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script><b>bold?</b>";
            type(bob, html);
            awaitLine(alice, "line", "bob", html);
            for (String w : List.of(alice, bob)) {
                switchTo(w);
                assertEquals(0L, chromium.js("return document.querySelectorAll('#log img, #log script, #log b').length"));
                assertEquals(null, chromium.js("return window.pwned ?? null"));
            }

            terminal.in.type("hi from the terminal");
            awaitLine(alice, "line", "sid1", "hi from the terminal");
            awaitLine(bob, "line", "sid1", "hi from the terminal");
            switchTo(alice);
            chromium.screenshot("chat-conversation");

            // Refused by the page: a blank line, a line over the 64 KiB limit (shown before sending).
            long linesBefore = lineCount(bob);
            type(bob, "   ");
            assertTrue(hint(bob).contains("empty messages are not sent"), hint(bob));
            switchTo(alice);
            chromium.js("const box = document.getElementById('message'); box.value = 'x'.repeat(70000);"
                    + " box.dispatchEvent(new Event('input'));");
            assertEquals("Too long: 70,016 bytes, the limit is 65,536 bytes. Not sent.", hint(alice));
            messageBox().sendKeys(Keys.ENTER);
            assertEquals(70000L, chromium.js("return document.getElementById('message').value.length"));
            chromium.js("document.getElementById('message').value = ''");
            terminal.in.type("after the refusals");
            awaitLine(bob, "line", "sid1", "after the refusals");
            assertEquals(linesBefore + 1, lineCount(bob), "a refused line was sent");

            // A 60,000-character line wraps instead of overflowing sideways, also at phone width.
            String longLine = "y".repeat(60_000);
            say(alice, longLine);
            awaitLine(bob, "line", "alice", longLine);
            assertNoSidewaysOverflow();
            chromium.driver.manage().window().setSize(new Dimension(390, 844));
            assertNoSidewaysOverflow();
            chromium.screenshot("chat-phone");
            chromium.driver.manage().window().setSize(new Dimension(900, 640));

            // Over the server's limit (forced past the page's check): 1009 and the reason reach
            // alice's page, which reconnects; bob and the terminal stay connected.
            switchTo(alice);
            assertEquals("sent", chromium.js("return chatPage.client.send('proto.ChatREQ', {Content: 'z'.repeat(70000)})"));
            awaitLine(alice, "error", null, "connection closed by the server: 1009 " + MAX_FRAME_REASON);
            // wasClean is false: the server closes with the rest of the refused message unread, so
            // the kernel resets the connection after the close frame (docs/websocket.md).
            assertEquals(List.of(1009L, MAX_FRAME_REASON, false), chromium.js(
                    "const c = chatPage.client.lastClose; return [c.code, c.reason, c.byClient]"));
            awaitLine(alice, "notice", null, "reconnected as alice");
            awaitLine(bob, "notice", null, "alice left");
            assertEquals(null, chromium.js("return chatPage.client.lastClose"), "bob's connection closed");
            type(bob, "still here");
            terminal.out.await("sid10002 say: still here", InProcess.WAIT);
            awaitLine(alice, "line", "bob", "still here");

            // The server restarts on the same ports: the pages say so, hold a line typed meanwhile,
            // reconnect by themselves and send it.
            server.stop();
            server.assertExit(0);
            terminal.assertExit(1);
            assertEquals("connection lost: the server went away", last(terminal));
            for (String w : List.of(alice, bob)) {
                switchTo(w);
                chromium.waiting().until(d -> "reconnecting".equals(
                        d.findElement(By.id("status")).getDomAttribute("data-state")));
            }
            switchTo(alice);
            String held = "typed while the server was down";
            type(alice, held);
            assertEquals("Disconnected: your line will be sent when the connection is back.", hint(alice));
            assertEquals(1L, chromium.js("return chatPage.client.queued"));
            String status = chromium.driver.findElement(By.id("status")).getText();
            assertTrue(status.matches("disconnected \\((1000 Bye|1006)\\), reconnecting in \\d+ s…"), status);
            awaitLine(alice, "pending", "alice", held);
            chromium.screenshot("chat-reconnecting");

            server = InProcess.start(args.toArray(String[]::new));
            server.listening();
            awaitLines(alice, "notice", null, "reconnected as alice", 2);   // the first after the 1009
            awaitLine(bob, "notice", null, "reconnected as bob");
            server.out.await(l -> l.matches("sid1000\\d say: " + held), InProcess.WAIT);   // bob may not be back yet
            switchTo(alice);
            chromium.waiting().until(d -> (Long) chromium.js("return document.querySelectorAll('#log li.pending').length") == 0);
            assertEquals(1L, chromium.js(COUNT_LINES, "own", "alice", held));
            assertEquals("connected as alice", chromium.driver.findElement(By.id("status")).getText());

            // Without ?name= the page asks for a name first.
            chromium.driver.switchTo().newWindow(WindowType.WINDOW);
            chromium.driver.get(url);
            WebElement name = chromium.driver.findElement(By.id("name"));
            assertEquals("Your name", name.getAccessibleName());
            assertTrue(!messageBox().isDisplayed(), "the message box shows before a name is chosen");
            name.sendKeys("  carol  ", Keys.ENTER);
            chromium.waiting().until(d -> d.findElement(By.id("status")).getText().equals("connected as carol"));
            awaitLine(alice, "notice", null, "carol joined");

            // Closing bob's window is a leave notice for alice.
            switchTo(bob);
            chromium.driver.close();
            awaitLine(alice, "notice", null, "bob left");
            server.out.await(l -> l.matches("sid1000\\d left"), InProcess.WAIT);
            server.stop();
            server.assertExit(0);
        } finally {
            server.close();
        }
    }

    /** Three free loopback ports, so that the server can be started again on the same ones. */
    private static List<String> serverArgs() throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports.add(s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return List.of("ws-chat-server", "--address", "127.0.0.1:" + ports.get(0),
                "--ws-address", "127.0.0.1:" + ports.get(1) + "/chat", "--http-address", "127.0.0.1:" + ports.get(2));
    }

    private void join(String url, String name) {
        chromium.driver.get(url + "?name=" + name);
        chromium.waiting().until(d -> d.findElement(By.id("status")).getText().equals("connected as " + name));
    }

    /** The textbox labelled "Message". */
    private WebElement messageBox() {
        String id = chromium.driver.findElement(By.xpath("//label[normalize-space()='Message']")).getDomAttribute("for");
        return chromium.driver.findElement(By.id(id));
    }

    private void switchTo(String window) {
        chromium.driver.switchTo().window(window);
    }

    /** Types {@code text} in {@code window}'s message box and presses Enter. */
    private void type(String window, String text) {
        switchTo(window);
        messageBox().sendKeys(text, Keys.ENTER);
    }

    /** Puts {@code text} in the message box by script (any character, any length) and presses Enter. */
    private void say(String window, String text) {
        switchTo(window);
        chromium.js("document.getElementById('message').value = arguments[0]", text);
        messageBox().sendKeys(Keys.ENTER);
    }

    private void awaitLine(String window, String kind, String who, String text) {
        awaitLines(window, kind, who, text, 1);
    }

    /** Waits until {@code window} shows at least {@code count} such lines. */
    private void awaitLines(String window, String kind, String who, String text, long count) {
        switchTo(window);
        chromium.waiting().withMessage(() -> count + " x " + kind + " " + who + ": " + abbreviate(text) + " in " + log())
                .until(d -> (Long) chromium.js(COUNT_LINES, kind, who, text) >= count);
    }

    private long lineCount(String window) {
        switchTo(window);
        return (Long) chromium.js("return document.querySelectorAll('#log li.line').length");
    }

    private String hint(String window) {
        switchTo(window);
        return chromium.driver.findElement(By.id("hint")).getText();
    }

    private void assertNoSidewaysOverflow() {
        assertEquals(true, chromium.js("const log = document.getElementById('log');"
                + " return log.scrollWidth <= log.clientWidth"
                + " && document.documentElement.scrollWidth <= window.innerWidth"), "sideways overflow");
    }

    private String log() {
        Object text = chromium.js("return [...document.querySelectorAll('#log li')]"
                + ".map(li => li.className + ' | ' + li.textContent.slice(0, 80)).join('\\n')");
        return "\n" + text;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static String last(InProcess p) {
        return p.out.lines().get(p.out.lines().size() - 1);
    }
}

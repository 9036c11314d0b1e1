package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, formatting and port detection of {@link Address}. */
class AddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // input                       | scheme | host         | min  | max  | path
        "127.0.0.1:7701                |        | 127.0.0.1    | 7701 | 7701 |",
        ":0                            |        |              | 0    | 0    |",
        "localhost:65535               |        | localhost    | 65535| 65535|",
        "0.0.0.0:7000~7010             |        | 0.0.0.0      | 7000 | 7010 |",
        "ws://host:8080/chat           | ws     | host         | 8080 | 8080 | /chat",
        "tcp://h:1~2/p                 | tcp    | h            | 1    | 2    | /p",
        "https://example.com:443/a/b?c | https  | example.com  | 443  | 443  | /a/b?c",
        "h:8080/path                   |        | h            | 8080 | 8080 | /path",
        "scheme://host:100~200/path    | scheme | host         | 100  | 200  | /path",
        "[::1]:80                      |        | ::1          | 80   | 80   |",
        "[fe80::1]:1~3/x               |        | fe80::1      | 1    | 3    | /x",
        "ws://[2001:db8::2]:9000/      | ws     | 2001:db8::2  | 9000 | 9000 | /",
    })
    void parsesValidAddresses(String input, String scheme, String host, int min, int max, String path) {
        Address a = Address.parse(input);
        assertEquals(new Address(orEmpty(scheme), orEmpty(host), min, max, orEmpty(path)), a);
        assertEquals(min != max, a.isRange());
        assertArrayEquals(java.util.stream.IntStream.rangeClosed(min, max).toArray(), a.ports().toArray());
        assertEquals(input, a.toString(), "toString does not round-trip");
        assertEquals(a, Address.parse(a.toString()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "",
        "localhost",
        "localhost:",
        "100~200/path",
        "h:200~100",
        "h:65536",
        "h:1~70000",
        "h:123456",
        "h:abc",
        "h:80a",
        "h:-1",
        "::1:80",
        "fe80::1:80",
        "[]:80",
        "[::1]",
        "[1.2.3.4]:80",
        "ws://:80x/chat",
        "h:80 /path",
        "h:80path",
    })
    void refusesBadInputQuotingIt(String input) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Address.parse(input));
        assertTrue(e.getMessage().contains("'" + input + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "h:1              | 2 | h:2",
        ":0               | 5 | :5",
        "[::1]:80         | 81| [::1]:81",
        "ws://h:1~9/chat  | 4 | h:4",
    })
    void hostPortBracketsIpv6(String input, int port, String expected) {
        assertEquals(expected, Address.parse(input).hostPort(port));
    }

    @Test
    void withPortKeepsEverythingElse() {
        assertEquals("ws://[::1]:7003/chat", Address.parse("ws://[::1]:7000~7010/chat").withPort(7003).toString());
    }

    @ParameterizedTest
    @CsvSource({"h:007~080, h:7~80", "host:7000~7000, host:7000", "SCHEME://h:1, SCHEME://h:1"})
    void toStringIsCanonical(String input, String canonical) {
        assertEquals(canonical, Address.parse(input).toString());
        assertEquals(Address.parse(input), Address.parse(canonical));
    }

    @Test
    void detectPortTriesPortsInOrderAndReturnsTheFirstSuccess() throws Exception {
        List<Integer> tried = new ArrayList<>();
        String result = Address.parse("scheme://host:100~200/path").detectPort(port -> {
            tried.add(port);
            if (port < 103) {
                throw new IOException("port " + port + " in use");
            }
            return "bound " + port;
        });
        assertEquals("bound 103", result);
        assertEquals(List.of(100, 101, 102, 103), tried);
    }

    @Test
    void detectPortRethrowsTheLastFailureWithTheEarlierOnesSuppressed() {
        List<Exception> thrown = new ArrayList<>();
        Address a = Address.parse("h:7000~7002");
        IOException last = assertThrows(IOException.class, () -> a.detectPort(port -> {
            IOException e = new IOException("port " + port);
            thrown.add(e);
            throw e;
        }));
        assertSame(thrown.get(2), last);
        assertEquals(List.of(thrown.get(0), thrown.get(1)), List.of(last.getSuppressed()));
    }

    @Test
    void detectPortSurvivesAnAttemptThatThrowsTheSameExceptionEachTime() {
        IllegalStateException same = new IllegalStateException("always this one");
        Address a = Address.parse("h:1~3");
        assertSame(same, assertThrows(IllegalStateException.class, () -> a.detectPort(port -> {
            throw same;
        })));
        assertEquals(0, same.getSuppressed().length);
    }
}

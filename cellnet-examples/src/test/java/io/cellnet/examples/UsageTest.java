package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Usage#text()} and the checks of {@link Usage} and {@link Option}. */
class UsageTest {

    @Test
    void theHelpListsTheSynopsisEveryOptionWithItsDefaultAndTheDetails() {
        Usage usage = Usage.of("echo", "echoes", "prints OK\nexit 0",
                Option.of("address", "HOST:PORT", "127.0.0.1:1", "where to listen"),
                Option.flag("no-queue", "on the I/O threads"));
        assertEquals(String.join(System.lineSeparator(),
                "echo [--address HOST:PORT] [--no-queue]",
                "  --address HOST:PORT  where to listen (default 127.0.0.1:1)",
                "  --no-queue           on the I/O threads",
                "prints OK",
                "exit 0"), usage.text());
    }

    @Test
    void aLongSynopsisWrapsUnderTheFirstOptionAndModesComeFirst() {
        Option[] options = new Option[12];
        for (int i = 0; i < options.length; i++) {
            options[i] = Option.of("option-" + i, "VALUE", "", "number " + i);
        }
        String synopsis = Usage.of("bench", "", "", options).withModes("run", "idle").text().lines()
                .takeWhile(l -> !l.startsWith("  --")).reduce((a, b) -> a + "\n" + b).orElseThrow();
        List<String> lines = synopsis.lines().toList();
        assertEquals(3, lines.size(), synopsis);
        assertEquals("bench [run|idle] [--option-0 VALUE]", lines.get(0).substring(0, 35));
        for (String l : lines) {
            assertTrue(l.length() <= 110, l);
            assertTrue(l == lines.get(0) || l.startsWith("      [--option-"), l);
        }
    }

    @Test
    void optionNamesAreUniqueAndHelpIsReserved() {
        Option a = Option.flag("quiet", "");
        assertThrows(IllegalArgumentException.class, () -> Usage.of("x", "", "", a, Option.flag("quiet", "again")));
        assertThrows(IllegalArgumentException.class, () -> Usage.of("x", "", "", Option.flag("help", "")));
        assertEquals(a, Usage.of("x", "", "", a).option("quiet").orElseThrow());
    }

    @Test
    void optionsAreCheckedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> Option.flag("--quiet", ""));
        assertThrows(IllegalArgumentException.class, () -> Option.flag("Quiet", ""));
        assertThrows(IllegalArgumentException.class, () -> Option.of("count", "", "1", ""));
        assertEquals(List.of("json", "binary"), Option.of("codec", "json|binary", "json", "").choices());
        assertEquals(List.of(), Option.of("address", "HOST:PORT[/PATH]", "", "").choices());
        assertEquals("--count N", Option.of("count", "N", "1", "").form());
        assertEquals("--quiet", Option.flag("quiet", "").form());
    }
}

package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's example compiles (as {@link ReadmeExample}), runs, and is the README's text. */
@ExtendWith(NoLeftoversExtension.class)
class ReadmeExampleTest {

    @Test
    void theExampleEchoes() throws Exception {
        assertEquals(new ReadmeExample.EchoAck("hello", 1234), ReadmeExample.run());
    }

    @Test
    void theReadmeShowsExactlyTheCompiledLines() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/cellnet/examples/ReadmeExample.java"));
        String compiled = between(source, "        // README-BEGIN\n", "        // README-END\n");
        String unindented = Arrays.stream(compiled.split("\n", -1))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + unindented + "```\n"),
                "README.md's example differs from ReadmeExample.java; it should read:\n" + unindented);
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        return text.substring(from, text.indexOf(end, from));
    }
}

package io.cellnet.netty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures reliability tests measure (memory peaks, times, counts), for docs/reliability.md:
 * each is printed to the test's output and appended to {@code target/reliability-figures.txt}.
 */
public final class Figures {
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private Figures() {
    }

    /** Records {@code text} under {@code name}. */
    public static synchronized void record(String name, String text) {
        String line = name + ": " + text;
        System.err.println("FIGURE " + line);
        try {
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

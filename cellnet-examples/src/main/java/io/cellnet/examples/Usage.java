package io.cellnet.examples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a command accepts and how its help reads: its name, a one-line summary, its modes (a
 * leading word such as {@code compare} in {@code bench compare}; the first is the default), its
 * options, and free text about what it prints. {@link #text()} renders the help from these, so the
 * help and the parser cannot disagree.
 *
 * <p>Thread safety: immutable.
 *
 * @param command the command's name, for example {@code echo-server}
 * @param summary one line for the command list
 * @param modes   the leading words the command accepts, default first; empty for none
 * @param options the options, in the order the help lists them
 * @param details the lines printed after the options (what the command prints, its exit codes)
 */
public record Usage(String command, String summary, List<String> modes, List<Option> options, String details) {
    private static final int WIDTH = 110;

    /** Checks the arguments: option names are unique, and none is {@code help}. */
    public Usage {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(summary, "summary");
        modes = List.copyOf(modes);
        options = List.copyOf(options);
        Objects.requireNonNull(details, "details");
        Set<String> names = new HashSet<>(Set.of("help"));
        for (Option o : options) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException(command + ": option " + o.dashed() + " declared twice (or is --help)");
            }
        }
    }

    /** A command without modes. */
    public static Usage of(String command, String summary, String details, Option... options) {
        return new Usage(command, summary, List.of(), List.of(options), details);
    }

    /** This usage with {@code modes}, the first being the default. */
    public Usage withModes(String... modes) {
        return new Usage(command, summary, List.of(modes), options, details);
    }

    /** The option called {@code name}. */
    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /**
     * The help: the synopsis (wrapped), one line per option with its default, then the details.
     *
     * <pre>
     * echo-server [--address HOST:PORT] [--no-queue]
     *   --address HOST:PORT  where to listen (default 127.0.0.1:17701)
     *   --no-queue           run the handler on the I/O threads
     * prints LISTENING HOST:PORT once bound
     * </pre>
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        synopsis(sb);
        int width = options.stream().mapToInt(o -> o.form().length()).max().orElse(0);
        for (Option o : options) {
            sb.append(String.format("%n  %-" + width + "s  %s", o.form(), o.help()));
            if (!o.defaultValue().isEmpty()) {
                sb.append(" (default ").append(o.defaultValue()).append(')');
            }
        }
        if (!details.isEmpty()) {
            sb.append(System.lineSeparator()).append(details.strip());
        }
        return sb.toString();
    }

    private void synopsis(StringBuilder sb) {
        String indent = " ".repeat(command.length() + 1);
        int lineStart = 0;
        sb.append(command);
        List<String> parts = new ArrayList<>();
        if (!modes.isEmpty()) {
            parts.add("[" + String.join("|", modes) + "]");
        }
        options.forEach(o -> parts.add("[" + o.form() + "]"));
        for (String part : parts) {
            if (sb.length() - lineStart + 1 + part.length() > WIDTH) {
                sb.append(System.lineSeparator());
                lineStart = sb.length();
                sb.append(indent, 0, indent.length() - 1);
            }
            sb.append(' ').append(part);
        }
    }
}

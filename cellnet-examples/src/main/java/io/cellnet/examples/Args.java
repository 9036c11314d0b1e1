package io.cellnet.examples;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command line parsed against a command's {@link Usage}: an optional mode word first, then
 * {@code --name value} (or {@code --name=value}) and {@code --flag}. Everything is checked when
 * parsing, so a command only reads: an unknown option, a flag given a value, an option without its
 * value, an option given twice or a stray word is an {@link IllegalArgumentException} whose message
 * names it; {@link Main} prints that message and the usage, and exits 2. So is a bad value, when a
 * typed getter reads it.
 *
 * <p>Thread safety: immutable once parsed.
 */
public final class Args {
    private final Usage usage;
    private final String mode;
    private final Map<String, String> given;
    private final boolean help;

    private Args(Usage usage, String mode, Map<String, String> given, boolean help) {
        this.usage = usage;
        this.mode = mode;
        this.given = Map.copyOf(given);
        this.help = help;
    }

    /**
     * Parses {@code argv} (the words after the command's name) against {@code usage}. A
     * {@code --help} anywhere asks for the help and nothing else is checked.
     *
     * @throws IllegalArgumentException naming the first bad word
     */
    public static Args parse(Usage usage, List<String> argv) {
        if (argv.contains("--help") || argv.contains("-h")) {
            return new Args(usage, usage.modes().isEmpty() ? "" : usage.modes().get(0), Map.of(), true);
        }
        int i = 0;
        String mode = usage.modes().isEmpty() ? "" : usage.modes().get(0);
        if (!usage.modes().isEmpty() && !argv.isEmpty() && !argv.get(0).startsWith("--")) {
            mode = argv.get(0);
            if (!usage.modes().contains(mode)) {
                throw new IllegalArgumentException("unknown mode '" + mode + "', expected one of "
                        + String.join("|", usage.modes()));
            }
            i = 1;
        }
        Map<String, String> given = new HashMap<>();
        for (; i < argv.size(); i++) {
            String word = argv.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + word + "'");
            }
            int eq = word.indexOf('=');
            String name = word.substring(2, eq < 0 ? word.length() : eq);
            Option o = usage.option(name).orElseThrow(() -> new IllegalArgumentException("unknown option --" + name));
            String next = i + 1 < argv.size() ? argv.get(i + 1) : null;
            String value;
            if (eq >= 0) {
                value = word.substring(eq + 1);
            } else if (o.isFlag()) {
                value = "";
            } else if (next == null || next.startsWith("--")) {
                throw new IllegalArgumentException(o.dashed() + " needs a value (" + o.value() + ")");
            } else {
                value = next;
                i++;
            }
            if (o.isFlag() && (eq >= 0 || (next != null && !next.startsWith("--")))) {
                throw new IllegalArgumentException(o.dashed() + " takes no value, got '" + (eq >= 0 ? value : next)
                        + "'");
            }
            if (given.put(name, value) != null) {
                throw new IllegalArgumentException(o.dashed() + " is given twice");
            }
        }
        return new Args(usage, mode, given, false);
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return help;
    }

    /** The mode word, or the usage's default mode; empty for a command without modes. */
    public String mode() {
        return mode;
    }

    /** Whether {@code option} was given. */
    public boolean isGiven(Option option) {
        return given.containsKey(declared(option).name());
    }

    /** The option's value, or its default. */
    public String get(Option option) {
        return given.getOrDefault(declared(option).name(), option.defaultValue());
    }

    /** Whether the flag was given. */
    public boolean flag(Option option) {
        if (!option.isFlag()) {
            throw new IllegalStateException(option.dashed() + " is not a flag");
        }
        return isGiven(option);
    }

    /**
     * The option's value (or its default) made by {@code parse}, which throws an
     * {@link IllegalArgumentException} saying what is wrong ("must be ..."); the message is
     * prefixed with the option's name.
     */
    public <T> T get(Option option, Function<String, T> parse) {
        String v = get(option);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option.dashed() + " " + e.getMessage(), e);
        }
    }

    /** The option's value as an int. */
    public int getInt(Option option) {
        return get(option, Args::parseInt);
    }

    /** The option's value as an int of at least {@code min}. */
    public int getInt(Option option, int min) {
        int v = getInt(option);
        if (v < min) {
            throw new IllegalArgumentException(option.dashed() + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** The option's value as an int of at least 1. */
    public int getPositiveInt(Option option) {
        return getInt(option, 1);
    }

    /** The value of a choice option ({@code json|binary}), one of its choices. */
    public String choice(Option option) {
        List<String> allowed = option.choices();
        if (allowed.isEmpty()) {
            throw new IllegalStateException(option.dashed() + " is not a choice");
        }
        return get(option, v -> {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("must be one of " + option.value() + ", got '" + v + "'");
            }
            return v;
        });
    }

    /**
     * Refuses {@code options} where they do not apply ({@code --rounds} outside {@code bench compare}).
     *
     * @param where what they do not apply to, for the message ("bench run", "--mode pingpong")
     * @throws IllegalArgumentException naming the first one given
     */
    public void refuse(String where, Option... options) {
        for (Option o : options) {
            if (isGiven(o)) {
                throw new IllegalArgumentException(o.dashed() + " does not apply to " + where);
            }
        }
    }

    private Option declared(Option option) {
        if (!usage.option(option.name()).equals(Optional.of(option))) {
            throw new IllegalStateException(usage.command() + " does not declare " + option);
        }
        return option;
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("needs a number, got '" + v + "'", e);
        }
    }
}

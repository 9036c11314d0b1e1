package io.cellnet.examples;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}. Every option a command
 * reads must be known to it; {@link #checkAllUsed()} reports the rest as errors.
 *
 * <p>Thread safety: not thread-safe; used on the main thread.
 */
public final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Optional<String> positional;
    private boolean positionalUsed;

    /**
     * Parses {@code args}: an optional leading word (a sub-mode), then options; a value-less option
     * followed by another option (or nothing) is a flag.
     */
    public Args(List<String> args) {
        int first = !args.isEmpty() && !args.get(0).startsWith("--") ? 1 : 0;
        positional = first == 1 ? Optional.of(args.get(0)) : Optional.empty();
        for (int i = first; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            values.put(a.substring(2), hasValue ? args.get(++i) : "true");
        }
    }

    /** The leading word, if any (for example {@code compare} in {@code bench compare ...}). */
    public Optional<String> positional() {
        positionalUsed = true;
        return positional;
    }

    /** The option's value, or {@code def}. */
    public String get(String name, String def) {
        used.add(name);
        return values.getOrDefault(name, def);
    }

    /** The option's value as an int, or {@code def}. */
    public int getInt(String name, int def) {
        String v = get(name, String.valueOf(def));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got '" + v + "'");
        }
    }

    /** The option's value as a positive int, or {@code def}. */
    public int getPositiveInt(String name, int def) {
        int v = getInt(name, def);
        if (v <= 0) {
            throw new IllegalArgumentException("--" + name + " must be > 0, got " + v);
        }
        return v;
    }

    /** The option's value, which must be one of {@code allowed}, or {@code def}. */
    public String choice(String name, String def, String... allowed) {
        String v = get(name, def);
        if (!List.of(allowed).contains(v)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + String.join("|", allowed)
                    + ", got '" + v + "'");
        }
        return v;
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        String v = get(name, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + name + " takes no value, got '" + v + "'");
        }
        return v.equals("true");
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return flag("help");
    }

    /** Fails on any option the command did not read, and on a leading word it did not ask for. */
    public void checkAllUsed() {
        if (positional.isPresent() && !positionalUsed) {
            throw new IllegalArgumentException("unexpected argument '" + positional.get() + "'");
        }
        for (String k : values.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
    }
}

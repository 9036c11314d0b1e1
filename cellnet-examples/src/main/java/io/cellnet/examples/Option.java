package io.cellnet.examples;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of a command: {@code --name VALUE}, or a flag {@code --name} when it has no value
 * placeholder. A placeholder of words separated by {@code |} ({@code json|binary}) is a choice: the
 * value must be one of them.
 *
 * <p>Thread safety: immutable.
 *
 * @param name         the name without its dashes, for example {@code address}
 * @param value        the value's placeholder in the usage ({@code HOST:PORT}, {@code N},
 *                     {@code json|binary}); empty for a flag
 * @param defaultValue the value when the option is not given; empty for a flag or for no default
 * @param help         one line for the usage
 */
public record Option(String name, String value, String defaultValue, String help) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern CHOICE = Pattern.compile("[a-z0-9-]+(\\|[a-z0-9-]+)+");

    /** Checks the arguments. */
    public Option {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name '" + name + "' must be lower-case words joined by '-'");
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(help, "help");
        if (value.isEmpty() && !defaultValue.isEmpty()) {
            throw new IllegalArgumentException("flag --" + name + " cannot have a default value");
        }
    }

    /** A flag: given or not, never with a value. */
    public static Option flag(String name, String help) {
        return new Option(name, "", "", help);
    }

    /** An option with a value, {@code defaultValue} when not given. */
    public static Option of(String name, String value, String defaultValue, String help) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("option --" + name + " needs a value placeholder; use flag(..)");
        }
        return new Option(name, value, defaultValue, help);
    }

    /** {@code true} for a flag. */
    public boolean isFlag() {
        return value.isEmpty();
    }

    /** The allowed values of a choice ({@code json|binary}), or an empty list for any value. */
    public List<String> choices() {
        return CHOICE.matcher(value).matches() ? List.of(value.split("\\|")) : List.of();
    }

    /** {@code --name}, as the user types it. */
    public String dashed() {
        return "--" + name;
    }

    /** {@code --name VALUE}, or {@code --name} for a flag. */
    public String form() {
        return isFlag() ? dashed() : dashed() + " " + value;
    }
}

package io.cellnet.mesh;

import java.util.Objects;

/**
 * The id of one service instance, cellmesh's {@code name#index@group} (for example
 * {@code game#0@dev}). Name and group are non-empty and contain none of {@code # @ . * >} or
 * whitespace (they become parts of NATS subjects); the index is not negative.
 *
 * <p>Thread safety: immutable.
 *
 * @param name  the service name, such as {@code game}
 * @param index the instance index within its group
 * @param group the group or zone, cellmesh's {@code SvcGroup} (default {@code dev})
 */
public record ServiceId(String name, int index, String group) {
    /** cellmesh's default group. */
    public static final String DEFAULT_GROUP = "dev";

    /** Checks the parts. */
    public ServiceId {
        checkPart(name, "name");
        checkPart(group, "group");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }

    /** {@code name#index@dev}. */
    public static ServiceId of(String name, int index) {
        return new ServiceId(name, index, DEFAULT_GROUP);
    }

    /**
     * Parses {@code name#index@group}.
     *
     * @throws IllegalArgumentException when {@code text} is not of that form
     */
    public static ServiceId parse(String text) {
        int hash = text.indexOf('#');
        int at = text.indexOf('@', hash + 1);
        if (hash <= 0 || at < 0) {
            throw new IllegalArgumentException("not a service id (name#index@group): '" + text + "'");
        }
        try {
            return new ServiceId(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1, at)),
                    text.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a service id (name#index@group): '" + text + "'", e);
        }
    }

    /** Throws unless {@code part} is a valid service name or group. */
    static void checkPart(String part, String what) {
        Objects.requireNonNull(part, what);
        if (part.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '#' || c == '@' || c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException(what + " must not contain '" + c + "': '" + part + "'");
            }
        }
    }

    @Override
    public String toString() {
        return name + "#" + index + "@" + group;
    }
}

package io.cellnet.mesh.gateway;

import io.cellnet.StringHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which backend service each client message id goes to. Made in code with {@link #builder()} or
 * read from text ({@link #parse}, the form kept under a discovery key for hot reload): one rule a
 * line, {@code <message full name or id> <service> [request|notify]}, {@code #} starts a comment.
 * A full name stands for its id, {@code StringHash(name)}, as cellnet's registry computes it. Two
 * rules for one id are refused (cellmesh lets the later overwrite).
 *
 * <p>Thread safety: immutable.
 */
public final class RouteTable {
    private final Map<Integer, RouteRule> byId;

    private RouteTable(Map<Integer, RouteRule> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException on a malformed line or a duplicate id, naming the line
     */
    public static RouteTable parse(String text) {
        Builder b = builder();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            try {
                if (f.length < 2 || f.length > 3) {
                    throw new IllegalArgumentException("expected '<message> <service> [request|notify]'");
                }
                RouteMode mode = f.length == 3 ? RouteMode.valueOf(f[2].toUpperCase(Locale.ROOT)) : RouteMode.REQUEST;
                b.route(f[0].chars().allMatch(Character::isDigit) ? Integer.parseInt(f[0]) : StringHash.hash(f[0]), f[1],
                        mode);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route table line " + (n + 1) + " '" + line.trim() + "': "
                        + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The rule for {@code msgId}, or {@code null}. */
    public @Nullable RouteRule route(int msgId) {
        return byId.get(msgId);
    }

    /** The services named by the rules. */
    public Set<String> services() {
        Set<String> s = new TreeSet<>();
        byId.values().forEach(r -> s.add(r.service()));
        return s;
    }

    /** The rules, by id. */
    public Collection<RouteRule> rules() {
        List<RouteRule> list = new ArrayList<>(byId.values());
        list.sort((a, b) -> Integer.compare(a.msgId(), b.msgId()));
        return list;
    }

    /** The text form, which {@link #parse} reads back. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        rules().forEach(r -> sb.append(r.msgId()).append(' ').append(r.service()).append(' ')
                .append(r.mode().name().toLowerCase(Locale.ROOT)).append('\n'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "RouteTable" + rules();
    }

    /**
     * Builds a {@link RouteTable}.
     *
     * <p>Thread safety: not thread-safe.
     */
    public static final class Builder {
        private final Map<Integer, RouteRule> byId = new HashMap<>();

        private Builder() {
        }

        /**
         * Routes {@code msgId} to {@code service}.
         *
         * @throws IllegalArgumentException when {@code msgId} already has a rule
         */
        public Builder route(int msgId, String service, RouteMode mode) {
            RouteRule rule = new RouteRule(msgId, service, mode);
            RouteRule old = byId.putIfAbsent(msgId, rule);
            if (old != null) {
                throw new IllegalArgumentException("message id " + msgId + " is routed twice: to " + old.service()
                        + " and to " + service);
            }
            return this;
        }

        /** Routes the message with full name {@code fullName} (id {@code StringHash(fullName)}). */
        public Builder route(String fullName, String service, RouteMode mode) {
            Objects.requireNonNull(fullName, "fullName");
            return route(StringHash.hash(fullName), service, mode);
        }

        /** The table. */
        public RouteTable build() {
            return new RouteTable(byId);
        }
    }
}

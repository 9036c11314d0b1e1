package io.cellnet.rules;

import io.cellnet.rules.PackageGraph.Edge;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * docs/architecture.md's table of allowed package dependencies, as code: which package of the
 * library modules may use which. An edge that the table does not draw is forbidden, and:
 *
 * <ul>
 *   <li>nothing depends on {@code io.cellnet.netty.internal.proc} (the ServiceLoader providers);</li>
 *   <li>every cellnet-netty package may use cellnet-api, {@code io.cellnet.internal} included
 *       (cellnet-api exports it to cellnet-netty);</li>
 *   <li>an {@code internal} package the table does not know yet (one a refactoring adds) may use
 *       any package but cellnet-netty's public root {@code io.cellnet.netty}; the root (the
 *       builders) and the other internal packages may use it;</li>
 *   <li>cellnet-testing may use every package of cellnet-api and cellnet-netty;</li>
 *   <li>cellnet-db, cellnet-redis and cellnet-sql use cellnet-api's public packages (not
 *       {@code io.cellnet.internal}, which cellnet-api does not export to them), cellnet-mesh
 *       those of cellnet-api and cellnet-netty;</li>
 *   <li>a public package the table does not know is an error: the table must draw it.</li>
 * </ul>
 */
final class ArchitectureRules {
    static final String NETTY = "io.cellnet.netty";
    static final String INTERNAL = NETTY + ".internal";
    static final String PROC = INTERNAL + ".proc";
    static final String TESTING = "io.cellnet.testing";
    /** cellnet-api's packages. */
    static final Set<String> API = Set.of("io.cellnet", "io.cellnet.codec", "io.cellnet.timer", "io.cellnet.proc",
            "io.cellnet.rpc", "io.cellnet.relay", "io.cellnet.internal", "io.cellnet.observe");
    /** The packages cellnet-api exports to every module. */
    static final Set<String> API_PUBLIC = API.stream().filter(p -> !p.equals("io.cellnet.internal"))
            .collect(Collectors.toUnmodifiableSet());
    /** The packages cellnet-netty exports to every module. */
    static final Set<String> NETTY_PUBLIC = Stream.concat(Stream.of(NETTY), Stream.of("ws", "http", "codec",
            "codec.json", "codec.binary", "codec.protoplus", "codec.http", "rpc", "relay", "msglog", "heartbeat")
            .map(p -> NETTY + "." + p)).collect(Collectors.toUnmodifiableSet());

    private final Map<String, Set<String>> allowed;

    private ArchitectureRules(Map<String, Set<String>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** The table of docs/architecture.md ("Packages and their allowed dependencies"). */
    static ArchitectureRules ofTheDocs() {
        Map<String, Set<String>> t = new HashMap<>();
        // cellnet-api
        t.put("io.cellnet.internal", Set.of());
        t.put("io.cellnet.observe", Set.of());
        t.put("io.cellnet.codec", Set.of("io.cellnet.internal"));
        t.put("io.cellnet", Set.of("io.cellnet.codec", "io.cellnet.internal", "io.cellnet.observe"));
        t.put("io.cellnet.timer", Set.of("io.cellnet"));
        t.put("io.cellnet.proc", Set.of("io.cellnet", "io.cellnet.internal"));
        t.put("io.cellnet.rpc", Set.of("io.cellnet", "io.cellnet.timer", "io.cellnet.internal"));
        t.put("io.cellnet.relay", Set.of("io.cellnet", "io.cellnet.internal"));
        // cellnet-netty: each may use cellnet-api too
        netty(t, NETTY + ".ws");
        netty(t, NETTY + ".http");
        netty(t, NETTY + ".codec");
        netty(t, INTERNAL + ".codec", NETTY + ".codec");
        for (String codec : List.of("json", "binary", "protoplus")) {
            netty(t, NETTY + ".codec." + codec, NETTY + ".codec", INTERNAL + ".codec");
        }
        netty(t, NETTY + ".codec.http", NETTY + ".codec", INTERNAL + ".codec", NETTY + ".codec.json");
        netty(t, INTERNAL, NETTY + ".codec", NETTY + ".ws");
        netty(t, INTERNAL + ".wire", INTERNAL, NETTY + ".codec", NETTY + ".codec.protoplus");
        netty(t, INTERNAL + ".ltv", INTERNAL, INTERNAL + ".wire");
        netty(t, INTERNAL + ".stream", INTERNAL);
        netty(t, INTERNAL + ".ws", INTERNAL, INTERNAL + ".stream", INTERNAL + ".wire", NETTY + ".ws");
        netty(t, INTERNAL + ".udp", INTERNAL, INTERNAL + ".wire");
        netty(t, INTERNAL + ".http", INTERNAL, INTERNAL + ".stream", INTERNAL + ".codec", NETTY + ".http",
                NETTY + ".codec", NETTY + ".codec.http");
        netty(t, NETTY + ".rpc", INTERNAL + ".wire");
        netty(t, NETTY + ".relay", INTERNAL + ".wire");
        netty(t, NETTY + ".msglog", INTERNAL + ".wire", NETTY + ".rpc", NETTY + ".relay");
        netty(t, NETTY + ".heartbeat");
        // the builders
        netty(t, NETTY, INTERNAL, INTERNAL + ".stream", INTERNAL + ".udp", INTERNAL + ".ws", INTERNAL + ".http",
                NETTY + ".ws", NETTY + ".http");
        Set<String> everythingAbove = t.keySet().stream().collect(Collectors.toUnmodifiableSet());
        t.put(PROC, everythingAbove);
        // cellnet-protobuf: cellnet-api only; its provider uses its public package
        netty(t, "io.cellnet.protobuf");
        netty(t, "io.cellnet.protobuf.internal", "io.cellnet.protobuf");
        // cellnet-db: the common types, and the peers' core it exports to cellnet-redis and cellnet-sql
        onApi(t, "io.cellnet.db");
        onApi(t, "io.cellnet.db.internal", "io.cellnet.db");
        // cellnet-redis, cellnet-sql: the peer (its implementation package-private beside it), and the
        // ServiceLoader provider, which builds it with the public builder
        for (String db : List.of("io.cellnet.redis", "io.cellnet.sql")) {
            onApi(t, db, "io.cellnet.db", "io.cellnet.db.internal");
            onApi(t, db + ".internal", db, "io.cellnet.db");
        }
        // cellnet-mesh: cellnet-api's and cellnet-netty's public packages
        mesh(t, "io.cellnet.mesh");
        mesh(t, "io.cellnet.mesh.nats", "io.cellnet.mesh");
        mesh(t, "io.cellnet.mesh.gateway", "io.cellnet.mesh");
        // cellnet-metrics: cellnet-api's and cellnet-netty's public packages (the observer SPI), Micrometer
        mesh(t, "io.cellnet.metrics", "io.cellnet.metrics.internal");
        mesh(t, "io.cellnet.metrics.internal");
        return new ArchitectureRules(t);
    }

    private static void netty(Map<String, Set<String>> table, String from, String... to) {
        table.put(from, Stream.concat(API.stream(), Stream.of(to)).collect(Collectors.toUnmodifiableSet()));
    }

    private static void onApi(Map<String, Set<String>> table, String from, String... to) {
        table.put(from, Stream.concat(API_PUBLIC.stream(), Stream.of(to)).collect(Collectors.toUnmodifiableSet()));
    }

    private static void mesh(Map<String, Set<String>> table, String from, String... to) {
        table.put(from, Stream.of(API_PUBLIC.stream(), NETTY_PUBLIC.stream(), Stream.of(to)).flatMap(s -> s)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The edges among {@code edges} that the rules forbid, each with the reason, in order. */
    List<String> violations(Collection<Edge> edges) {
        return edges.stream().map(this::violation).filter(v -> !v.isEmpty()).sorted().toList();
    }

    /** Why {@code e} is forbidden ({@code "from -> to: reason"}), or an empty string when it is allowed. */
    String violation(Edge e) {
        String from = e.from();
        String to = e.to();
        if (to.equals(PROC)) {
            return e + ": nothing depends on " + PROC;
        }
        if (from.equals(TESTING)) {
            boolean library = API.contains(to) || isNetty(to);
            return library ? "" : e + ": cellnet-testing uses cellnet-api and cellnet-netty only";
        }
        Set<String> targets = allowed.get(from);
        if (targets == null) {
            if (!isInternal(from)) {
                return e + ": " + from + " is not in docs/architecture.md's table";
            }
            return to.equals(NETTY) || to.equals(TESTING) ? e + ": an internal package never uses " + to : "";
        }
        if (targets.contains(to)) {
            return "";
        }
        boolean newInternal = isInternal(to) && !allowed.containsKey(to);
        if (newInternal && (from.equals(NETTY) || isInternal(from))) {
            return "";
        }
        return e + ": not drawn in docs/architecture.md";
    }

    private static boolean isNetty(String pkg) {
        return pkg.equals(NETTY) || pkg.startsWith(NETTY + ".");
    }

    private static boolean isInternal(String pkg) {
        return pkg.equals(INTERNAL) || pkg.startsWith(INTERNAL + ".");
    }
}

package io.cellnet.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.rules.PackageGraph.Edge;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package structure of the compiled library modules ({@link LibraryModule}: cellnet-api,
 * cellnet-netty, cellnet-testing, cellnet-protobuf, cellnet-mesh, cellnet-db, cellnet-redis,
 * cellnet-sql, cellnet-metrics), as jdeps sees it: no package cycle, and no dependency that
 * docs/architecture.md forbids ({@link ArchitectureRules}). The checker itself is tested on small
 * made-up edge lists first.
 */
class ArchitectureTest {
    private final ArchitectureRules rules = ArchitectureRules.ofTheDocs();

    @Test
    void theLibraryModulesHaveNoPackageCycleAndOnlyTheDependenciesTheArchitectureDraws(@TempDir Path work)
            throws Exception {
        List<Path> roots = Stream.of(LibraryModule.values()).map(LibraryModule::classes).toList();
        List<Edge> edges = Jdeps.packageEdges(roots, work);
        assertTrue(edges.size() >= 50 && edges.contains(new Edge("io.cellnet.timer", "io.cellnet")),
                "jdeps found too little in " + roots + ": " + edges);
        assertEquals(List.of(), new PackageGraph(edges).cycles(), "package cycles");
        assertEquals(List.of(), rules.violations(edges), "forbidden dependencies");
    }

    @Test
    void theCycleCheckFindsEveryCycleAndNothingElse() {
        List<Edge> edges = edges("a -> b", "b -> c", "c -> a", "c -> d", "d -> e", "e -> d", "f -> a", "g -> g");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d", "e")), new PackageGraph(edges).cycles());
        assertEquals(List.of(), new PackageGraph(edges("a -> b", "b -> c", "a -> c")).cycles());
    }

    @Test
    void theCycleCheckCopesWithALongChain() {
        Edge[] chain = new Edge[10_000];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = new Edge("p" + i, "p" + ((i + 1) % chain.length));
        }
        assertEquals(chain.length, new PackageGraph(Arrays.asList(chain)).cycles().get(0).size());
    }

    @Test
    void theRulesAllowWhatTheTableDrawsAndFindWhatItForbids() {
        assertEquals(List.of(), rules.violations(edges(
                "io.cellnet.timer -> io.cellnet",
                "io.cellnet.netty.internal.ltv -> io.cellnet.netty.internal.wire",
                "io.cellnet.netty.rpc -> io.cellnet.internal",
                "io.cellnet.rpc -> io.cellnet.timer",
                "io.cellnet.netty.rpc -> io.cellnet.rpc",
                "io.cellnet.netty.relay -> io.cellnet.relay",
                "io.cellnet.netty -> io.cellnet.netty.internal.stream",
                "io.cellnet.netty.internal.proc -> io.cellnet.netty.msglog",
                "io.cellnet.testing -> io.cellnet.netty.internal.stream")));
        assertEquals(List.of(
                "io.cellnet -> io.cellnet.netty: not drawn in docs/architecture.md",
                "io.cellnet.internal -> io.cellnet: not drawn in docs/architecture.md",
                "io.cellnet.netty.internal.ltv -> io.cellnet.netty.rpc: not drawn in docs/architecture.md",
                "io.cellnet.netty.rpc -> io.cellnet.netty.internal: not drawn in docs/architecture.md",
                "io.cellnet.relay -> io.cellnet.rpc: not drawn in docs/architecture.md",
                "io.cellnet.rpc -> io.cellnet.netty.rpc: not drawn in docs/architecture.md",
                "io.cellnet.testing -> io.cellnet.netty.internal.proc: nothing depends on "
                        + "io.cellnet.netty.internal.proc"),
                rules.violations(edges(
                        "io.cellnet.internal -> io.cellnet",
                        "io.cellnet -> io.cellnet.netty",
                        "io.cellnet.netty.rpc -> io.cellnet.netty.internal",
                        "io.cellnet.netty.internal.ltv -> io.cellnet.netty.rpc",
                        "io.cellnet.rpc -> io.cellnet.netty.rpc",
                        "io.cellnet.relay -> io.cellnet.rpc",
                        "io.cellnet.testing -> io.cellnet.netty.internal.proc")));
    }

    @Test
    void theMeshAndDatabaseModulesUseOnlyWhatTheirRowsDraw() {
        assertEquals(List.of(), rules.violations(edges(
                "io.cellnet.mesh -> io.cellnet.netty",
                "io.cellnet.mesh.gateway -> io.cellnet.netty.codec.protoplus",
                "io.cellnet.mesh.gateway -> io.cellnet.mesh",
                "io.cellnet.mesh.nats -> io.cellnet.mesh",
                "io.cellnet.db.internal -> io.cellnet.db",
                "io.cellnet.redis -> io.cellnet.db.internal",
                "io.cellnet.sql.internal -> io.cellnet.sql",
                "io.cellnet.sql -> io.cellnet.timer")));
        assertEquals(List.of(
                "io.cellnet.db -> io.cellnet.db.internal: not drawn in docs/architecture.md",
                "io.cellnet.db -> io.cellnet.netty: not drawn in docs/architecture.md",
                "io.cellnet.mesh -> io.cellnet.mesh.gateway: not drawn in docs/architecture.md",
                "io.cellnet.mesh.gateway -> io.cellnet.netty.internal: not drawn in docs/architecture.md",
                "io.cellnet.mesh.nats -> io.cellnet.internal: not drawn in docs/architecture.md",
                "io.cellnet.redis -> io.cellnet.redis.internal: not drawn in docs/architecture.md",
                "io.cellnet.sql -> io.cellnet.redis: not drawn in docs/architecture.md"),
                rules.violations(edges(
                        "io.cellnet.db -> io.cellnet.db.internal",
                        "io.cellnet.db -> io.cellnet.netty",
                        "io.cellnet.mesh -> io.cellnet.mesh.gateway",
                        "io.cellnet.mesh.gateway -> io.cellnet.netty.internal",
                        "io.cellnet.mesh.nats -> io.cellnet.internal",
                        "io.cellnet.redis -> io.cellnet.redis.internal",
                        "io.cellnet.sql -> io.cellnet.redis")));
    }

    @Test
    void anInternalPackageTheTableDoesNotKnowFollowsTheGeneralRules() {
        assertEquals(List.of(), rules.violations(edges(
                "io.cellnet.netty.internal.watchdog -> io.cellnet.netty.internal",
                "io.cellnet.netty.internal.watchdog -> io.cellnet.timer",
                "io.cellnet.netty -> io.cellnet.netty.internal.watchdog",
                "io.cellnet.netty.internal.stream -> io.cellnet.netty.internal.watchdog")));
        assertEquals(List.of(
                "io.cellnet.netty.internal.watchdog -> io.cellnet.netty.internal.proc: nothing depends on "
                        + "io.cellnet.netty.internal.proc",
                "io.cellnet.netty.internal.watchdog -> io.cellnet.netty: an internal package never uses "
                        + "io.cellnet.netty",
                "io.cellnet.netty.rpc -> io.cellnet.netty.internal.watchdog: not drawn in docs/architecture.md",
                "io.cellnet.netty.shiny -> io.cellnet: io.cellnet.netty.shiny is not in docs/architecture.md's table"),
                rules.violations(edges(
                        "io.cellnet.netty.internal.watchdog -> io.cellnet.netty",
                        "io.cellnet.netty.internal.watchdog -> io.cellnet.netty.internal.proc",
                        "io.cellnet.netty.rpc -> io.cellnet.netty.internal.watchdog",
                        "io.cellnet.netty.shiny -> io.cellnet")));
    }

    @Test
    void jdepsOutputIsReadIntoEdgesBetweenOwnPackages() {
        String output = """
                classes -> cellnet-api/target/classes
                   io.cellnet                       -> io.cellnet.codec           classes
                   io.cellnet.timer                 -> io.cellnet                 classes
                   io.cellnet.timer                 -> io.cellnet                 classes
                   io.cellnet.netty                 -> io.netty.channel           not found
                   io.cellnet.proc                  -> io.cellnet.proc            classes
                """;
        assertEquals(edges("io.cellnet -> io.cellnet.codec", "io.cellnet.timer -> io.cellnet"), Jdeps.parse(output));
    }

    private static List<Edge> edges(String... arrows) {
        return Stream.of(arrows).map(a -> a.split(" -> ")).map(p -> new Edge(p[0], p[1])).toList();
    }
}

package io.cellnet.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.Peer;
import io.cellnet.db.DbCallback;
import io.cellnet.mesh.ServiceId;
import io.cellnet.metrics.CellnetMetrics;
import io.cellnet.netty.TcpPeers;
import io.cellnet.protobuf.GogopbCodec;
import io.cellnet.redis.RedisPeers;
import io.cellnet.sql.SqlPeers;
import io.cellnet.testing.ManualScheduler;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published library modules whose house rules the tests here check: where their sources are
 * (the sibling module directories, read from cellnet-tests' directory, surefire's working
 * directory) and where their compiled classes are (the class path entry of one of their types: a
 * reactor's {@code target/classes} or a jar).
 */
enum LibraryModule {
    API("cellnet-api", Peer.class, 5),
    NETTY("cellnet-netty", TcpPeers.class, 5),
    TESTING("cellnet-testing", ManualScheduler.class, 5),
    PROTOBUF("cellnet-protobuf", GogopbCodec.class, 2), // GogopbCodec, ProtobufMessages
    MESH("cellnet-mesh", ServiceId.class, 5),
    DB("cellnet-db", DbCallback.class, 3), // DbCallback, DbBusyException, DbPeerBuilder
    REDIS("cellnet-redis", RedisPeers.class, 5),
    SQL("cellnet-sql", SqlPeers.class, 5),
    METRICS("cellnet-metrics", CellnetMetrics.class, 1); // CellnetMetrics (its Builder is nested)

    private final String directory;
    private final Class<?> member;
    private final int publicTypes;

    LibraryModule(String directory, Class<?> member, int publicTypes) {
        this.directory = directory;
        this.member = member;
        this.publicTypes = publicTypes;
    }

    /** At least how many public top-level types its public packages have (a floor that catches a wrong path). */
    int publicTypes() {
        return publicTypes;
    }

    /** The module's directory name, as Maven knows it. */
    String directory() {
        return directory;
    }

    /** The module's {@code src/main/java}. */
    Path sources() {
        Path sources = Path.of("..", directory, "src", "main", "java");
        assertTrue(Files.isDirectory(sources), "no sources of " + directory + " at " + sources.toAbsolutePath()
                + ": run the tests from cellnet-tests' directory in the project's tree");
        return sources;
    }

    /** The directory or jar the module's classes are loaded from. */
    Path classes() {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path entry of " + member, e);
        }
    }
}

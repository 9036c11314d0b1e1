package io.cellnet.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.Peer;
import io.cellnet.netty.TcpPeers;
import io.cellnet.protobuf.GogopbCodec;
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
    API("cellnet-api", Peer.class),
    NETTY("cellnet-netty", TcpPeers.class),
    TESTING("cellnet-testing", ManualScheduler.class),
    PROTOBUF("cellnet-protobuf", GogopbCodec.class);

    private final String directory;
    private final Class<?> member;

    LibraryModule(String directory, Class<?> member) {
        this.directory = directory;
        this.member = member;
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

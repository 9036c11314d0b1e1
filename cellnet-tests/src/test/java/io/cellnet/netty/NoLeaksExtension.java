package io.cellnet.netty;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Asserts after every test class that cellnet-netty left no thread running: every peer of the
 * class must have been stopped, which shuts the shared event loop groups down. Registered for every
 * class of this module through {@code META-INF/services} and JUnit's extension autodetection
 * ({@code junit-platform.properties}); it runs after the class's own extensions have stopped their
 * peers.
 */
public final class NoLeaksExtension implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        await("cellnet threads to end after " + context.getDisplayName()).atMost(Duration.ofSeconds(10))
                .until(() -> NetFixtures.cellnetThreads().isEmpty());
    }
}

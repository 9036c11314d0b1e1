package io.cellnet.netty;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Asserts after a test class that cellnet-netty left no thread running: every peer of the class
 * must have been stopped, which shuts the shared event loop groups down.
 */
public final class NoLeaksExtension implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        await("cellnet threads to end after " + context.getDisplayName()).atMost(Duration.ofSeconds(10))
                .until(() -> NetFixtures.cellnetThreads().isEmpty());
    }
}

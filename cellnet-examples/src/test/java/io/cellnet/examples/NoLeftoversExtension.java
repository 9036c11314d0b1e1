package io.cellnet.examples;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Asserts after a test class that the examples it ran left nothing behind: no command thread, no
 * event-queue thread, no Netty event loop (every peer stopped), no child-JVM reader (every child
 * exited).
 */
final class NoLeftoversExtension implements AfterAllCallback {
    private static final Set<String> PREFIXES = Set.of("cellnet-acceptor", "cellnet-connector", "example-",
            "child-stdout-", "echo-", "chat-", "rpc-", "ws-chat", "fake-echo", "game", "HTTP-Dispatcher", "mesh-", "cellnet-mesh",
            "leaderboard-", "sql-leaderboard", "cellnet-sql-leaderboard", "lettuce-", "cellnet-metrics");

    @Override
    public void afterAll(ExtensionContext context) {
        await("threads of the examples to end after " + context.getDisplayName()).atMost(Duration.ofSeconds(10))
                .until(() -> leftovers().isEmpty());
    }

    static Set<String> leftovers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> PREFIXES.stream().anyMatch(n::startsWith)).collect(Collectors.toSet());
    }
}

package io.cellnet.netty.http;

import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code http.Connector}: requests to one HTTP server whose answers are decoded into
 * messages. The request message is encoded by the connector's request codec ({@code httpjson} by
 * default, {@code httpform} or {@code gogopb} when set), the answer decoded by its response codec.
 * Connections are kept alive and reused. A request needs the connector to be running
 * ({@link #start()}).
 *
 * <p>Failures complete the future exceptionally with: {@link HttpStatusException} for a status
 * outside 2xx; {@code io.cellnet.codec.CodecException} when the request cannot be encoded or the
 * answer cannot be decoded; {@code java.util.concurrent.TimeoutException} when no answer came in
 * the request timeout; {@code java.io.IOException} for connection failures;
 * {@code IllegalStateException} when the connector is not running.
 *
 * <p>Thread safety: every method may be called from any thread; {@link #requestSync} blocks and
 * must not be called on an I/O thread.
 */
public interface HttpConnector extends GenericPeer {

    /**
     * Sends {@code method path} with {@code request} as the body ({@code null}: no body) and
     * decodes the answer as {@code responseType}. The future completes on an I/O thread.
     */
    <T> CompletableFuture<T> request(String method, String path, @Nullable Object request, Class<T> responseType);

    /**
     * As {@link #request(String, String, Object, Class)}, with the outcome delivered to
     * {@code callback} on {@code queue} (the answer, or {@code null} and the failure).
     */
    default <T> void request(String method, String path, @Nullable Object request, Class<T> responseType,
            EventQueue queue, BiConsumer<? super @Nullable T, ? super @Nullable Throwable> callback) {
        request(method, path, request, responseType).whenComplete((r, e) -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            if (!queue.post(() -> callback.accept(r, cause))) {
                org.slf4j.LoggerFactory.getLogger(HttpConnector.class).warn(
                        "queue '{}' refused the answer to {} {}", queue.name(), method, path);
            }
        });
    }

    /**
     * Blocking form of {@link #request(String, String, Object, Class)} for threads that may wait
     * (not an I/O thread, not the queue whose events it waits for).
     *
     * @throws HttpStatusException for a status outside 2xx
     * @throws io.cellnet.codec.CodecException when the request or the answer cannot be coded
     * @throws HttpRequestException for connection failures and timeouts (the cause says which)
     */
    <T> T requestSync(String method, String path, @Nullable Object request, Class<T> responseType);
}

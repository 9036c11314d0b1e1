package io.cellnet.netty.internal.http;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The static files of an {@code http.Acceptor} (Go's {@code SetFileServe}): {@code GET} and
 * {@code HEAD} of a path under the directory, with its content type, {@code Last-Modified} and
 * {@code If-Modified-Since} (304). A path with a {@code ..} segment (also when percent-encoded),
 * a backslash or a NUL, or one that leaves the directory through a link, is not found; a directory
 * serves its {@code index.html}; there are no listings.
 *
 * <p>Thread safety: immutable; {@link #serve} may run on any thread (it reads file attributes).
 */
final class StaticFiles {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("xml", "text/xml; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("wasm", "application/wasm"), Map.entry("pdf", "application/pdf"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("map", "application/json"));

    private final Path root;

    private StaticFiles(Path root) {
        this.root = root;
    }

    /** The files under {@code dir} (its real path). */
    static StaticFiles of(Path dir) throws IOException {
        return new StaticFiles(dir.toRealPath());
    }

    /**
     * The answer for {@code method path} (the path percent-decoded), or {@code null} when there is
     * no such file to serve.
     */
    @Nullable Answer serve(String method, String path, @Nullable String ifModifiedSince) throws IOException {
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            return null;
        }
        Path file = resolve(path);
        if (file == null) {
            return null;
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (ifModifiedSince != null && !modified.isAfter(parseDate(ifModifiedSince))) {
            Answer a = Answer.of(304, new byte[0], null);
            a.head().headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            a.head().headers().set(HttpHeaderNames.LAST_MODIFIED, HTTP_DATE.format(modified));
            return a;
        }
        long size = Files.size(file);
        HttpResponse r = head ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK)
                : new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType(file))
                .set(HttpHeaderNames.LAST_MODIFIED, HTTP_DATE.format(modified))
                .set(HttpHeaderNames.CONTENT_LENGTH, size);
        if (head) {
            return new Answer(r, null);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new Answer(r, new HttpChunkedInput(new ChunkedNioFile(ch, 0, size, 16 * 1024)));
    }

    /** The regular file under the root for {@code path}, or {@code null}. */
    private @Nullable Path resolve(String path) throws IOException {
        Path p = root;
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0
                    || segment.indexOf(':') >= 0) {
                return null;
            }
            p = p.resolve(segment);
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("index.html");
        }
        if (!Files.isRegularFile(p)) {
            return null;
        }
        Path real = p.toRealPath();
        return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static Instant parseDate(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}

package io.cellnet.netty.internal.http;

import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.http.HttpRequestInfo;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.http.HttpAcceptorConfig.RouteKey;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Turns requests into events: each request gets an {@link HttpExchange} and a session; a declared
 * route's body is decoded into its type (400 when it cannot be, 415 for an unknown content type)
 * and its handler may answer later, bounded by the response timeout (then 503); any other request
 * is delivered with its {@link HttpRequestInfo} as the message and, when the handler returns
 * without answering, falls through to the static files, then 404. A handler that throws gives 500
 * and a log line.
 *
 * <p>Thread safety: immutable apart from the id counter; used by every connection of one run.
 */
final class HttpDispatcher {
    private final PeerCore core;
    private final Map<RouteKey, Class<?>> routes;
    private final @Nullable StaticFiles files;
    private final RespondEncoder encoder;
    private final Duration responseTimeout;
    private final AtomicLong ids = new AtomicLong();

    HttpDispatcher(PeerCore core, Map<RouteKey, Class<?>> routes, @Nullable StaticFiles files, RespondEncoder encoder,
            Duration responseTimeout) {
        this.core = core;
        this.routes = routes;
        this.files = files;
        this.encoder = encoder;
        this.responseTimeout = responseTimeout;
    }

    /** Starts the exchange of {@code req} (which the caller releases afterwards). */
    HttpExchange dispatch(HttpServerHandler owner, Channel ch, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
        QueryStringDecoder uri;
        HttpRequestInfo info;
        try {
            uri = new QueryStringDecoder(req.uri());
            info = new HttpRequestInfo(req.method().name().toUpperCase(Locale.ROOT), uri.path(), uri.parameters(),
                    headers(req), ch.remoteAddress());
        } catch (IllegalArgumentException e) {
            HttpExchange bad = new HttpExchange(owner, ch, encoder, new HttpRequestInfo(req.method().name(), "?",
                    Map.of(), Map.of(), ch.remoteAddress()), false, false);
            bad.answer(Answer.text(400, "400 Bad Request: " + e.getMessage()));
            return bad;
        }
        HttpExchange ex = new HttpExchange(owner, ch, encoder, info, req.method().equals(HttpMethod.HEAD), keepAlive);
        if (req.decoderResult().isFailure()) {
            ex.answer(Answer.text(400, "400 Bad Request"));
            return ex;
        }
        Class<?> type = routes.get(new RouteKey(info.method(), info.path()));
        Object message = info;
        if (type != null && type != void.class) {
            try {
                message = RequestBodies.decode(req, uri.rawQuery(), type);
            } catch (RequestBodies.UnsupportedType e) {
                ex.answer(Answer.text(415, e.getMessage()));
                return ex;
            } catch (CodecException e) {
                ex.answer(Answer.text(400, "400 Bad Request: " + e.getMessage()));
                return ex;
            }
        }
        NettySession session = new NettySession(core, ex, ids.incrementAndGet());
        session.setContext(HttpRequestInfo.CONTEXT_KEY, info);
        boolean declared = type != null;
        if (declared) {
            ex.timeout(ch.eventLoop().schedule(() -> {
                if (ex.answer(Answer.text(503, "503 Service Unavailable: no answer within " + responseTimeout))) {
                    HttpExchange.log.warn("http '{}': {} {} not answered within {}: 503", core.name(), info.method(),
                            info.path(), responseTimeout);
                }
            }, responseTimeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        RecvMsgEvent ev;
        try {
            ev = core.bundle().hooker().onInboundEvent(new RecvMsgEvent(session, message));
        } catch (RuntimeException e) {
            fail(ex, "hooker", e);
            return ex;
        }
        if (ev == null) {
            if (!declared) {
                fallThrough(ex);
            }
            return ex;
        }
        EventCallback callback = core.bundle().callback();
        if (!core.queue().post(e -> handle(callback, e, ex, declared), ev)) {
            ex.answer(Answer.text(503, "503 Service Unavailable"));
        }
        return ex;
    }

    private void handle(EventCallback callback, RecvMsgEvent ev, HttpExchange ex, boolean declared) {
        try {
            callback.onEvent(ev);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            fail(ex, "handler", e);
            return;
        }
        if (!declared) {
            fallThrough(ex);
        }
    }

    private void fail(HttpExchange ex, String who, Throwable e) {
        HttpExchange.log.error("http '{}': the {} of {} {} failed: 500", core.name(), who, ex.info().method(),
                ex.info().path(), e);
        ex.answer(Answer.text(500, "500 Internal Server Error"));
    }

    /** Static files, then 404, unless the handler answered. */
    private void fallThrough(HttpExchange ex) {
        if (!ex.isOpen()) {
            return;
        }
        Answer a = null;
        StaticFiles f = files;
        if (f != null) {
            try {
                a = f.serve(ex.info().method(), ex.info().path(), ex.info().header("if-modified-since"));
            } catch (IOException e) {
                HttpExchange.log.warn("http '{}': cannot serve {}: {}", core.name(), ex.info().path(), e.toString());
            }
        }
        if (a == null) {
            HttpExchange.log.debug("http '{}': {} {} | 404", core.name(), ex.info().method(), ex.info().path());
            a = Answer.text(404, "404 Not found");
        }
        ex.answer(a);
    }

    private static Map<String, List<String>> headers(FullHttpRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            out.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}

package io.cellnet.netty.internal.http;

import io.cellnet.netty.internal.codec.MessageShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The pages of {@code HtmlRespond}: every {@code .tpl} and {@code .html} file under a directory,
 * named by its relative path without the extension ({@code admin/index}), read once. Rendering
 * replaces {@code {{.}}} by the model and {@code {{.Name}}} by a field, record component or map
 * entry of the model, HTML-escaped as Go's html/template does in text; other text is copied. This
 * is the part of Go's template language that pages use to show values, not the whole language.
 *
 * <p>Thread safety: immutable after loading.
 */
final class HtmlTemplates {
    static final HtmlTemplates NONE = new HtmlTemplates(Map.of(), "{{", "}}");
    private static final List<String> EXTENSIONS = List.of(".tpl", ".html");

    private final Map<String, String> pages;
    private final String left;
    private final String right;

    private HtmlTemplates(Map<String, String> pages, String left, String right) {
        this.pages = Map.copyOf(pages);
        this.left = left;
        this.right = right;
    }

    /** Reads the templates under {@code dir} (Go reads them when the acceptor starts too). */
    static HtmlTemplates load(Path dir, String left, String right) throws IOException {
        Map<String, String> pages = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                for (String ext : EXTENSIONS) {
                    if (rel.endsWith(ext) && Files.isRegularFile(f)) {
                        pages.putIfAbsent(rel.substring(0, rel.length() - ext.length()),
                                Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new HtmlTemplates(pages, left, right);
    }

    /**
     * Renders {@code name} with {@code model}.
     *
     * @throws IllegalArgumentException for an unknown template, or a field the model does not have
     */
    String render(String name, Object model) {
        String page = pages.get(name);
        if (page == null) {
            throw new IllegalArgumentException("no template '" + name + "' (known: " + pages.keySet() + ")");
        }
        StringBuilder out = new StringBuilder(page.length() + 32);
        int from = 0;
        while (true) {
            int open = page.indexOf(left, from);
            int close = open < 0 ? -1 : page.indexOf(right, open + left.length());
            if (close < 0) {
                out.append(page, from, page.length());
                return out.toString();
            }
            out.append(page, from, open);
            String action = page.substring(open + left.length(), close).strip();
            out.append(escape(String.valueOf(value(action, model, name))));
            from = close + right.length();
        }
    }

    private static @Nullable Object value(String action, Object model, String template) {
        if (action.equals(".")) {
            return model;
        }
        if (!action.startsWith(".") || action.length() < 2) {
            throw new IllegalArgumentException("template '" + template + "': only {{.}} and {{.Field}} are supported, not "
                    + action);
        }
        String field = action.substring(1);
        if (model instanceof Map<?, ?> map) {
            return map.get(field);
        }
        for (MessageShape.Member m : MessageShape.of(model.getClass()).members()) {
            if (m.name().equals(field)) {
                try {
                    return (Object) m.getter().invoke(model);
                } catch (Throwable t) {
                    throw new IllegalArgumentException("template '" + template + "': cannot read " + field + ": " + t, t);
                }
            }
        }
        throw new IllegalArgumentException("template '" + template + "': " + model.getClass().getName() + " has no "
                + field);
    }

    /** Go's html/template escaping of text: {@code & < > " '} and NUL. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '\0' -> "\uFFFD";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}

package io.cellnet.examples.bench;

/**
 * Escapes text for HTML and SVG (XML) content and attribute values.
 *
 * <p>Thread safety: stateless.
 */
final class Html {
    private Html() {
    }

    /** {@code text} with {@code & < > "} escaped. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

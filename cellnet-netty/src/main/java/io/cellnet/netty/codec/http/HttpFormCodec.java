package io.cellnet.netty.codec.http;

import io.cellnet.codec.CodecException;
import java.util.Objects;
import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.cellnet.netty.internal.codec.MessageShape;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code httpform} codec (MIME {@code application/x-www-form-urlencoded}): a message is a
 * url-encoded form, one key per field, named exactly as the field (Go's {@code url.Values}).
 *
 * <ul>
 *   <li>Fields: {@code String}, {@code boolean}, {@code byte}/{@code short}/{@code int}/{@code long}
 *       and {@code float}/{@code double} (boxed too). Any other field type is a
 *       {@link CodecException} naming the field (Go panics for those when encoding and errors
 *       when decoding).</li>
 *   <li>Encoding: keys sorted (Go's {@code Values.Encode}), values escaped as Go's
 *       {@code QueryEscape} ({@code +} for a space, {@code %XX} for all but letters, digits and
 *       {@code -_.~}); booleans {@code true}/{@code false}, numbers in decimal, floats in Go's
 *       shortest form.</li>
 *   <li>Decoding: the first value of each key; missing keys leave the field at its default; an
 *       empty value is zero ({@code false}, {@code 0}); booleans accept Go's {@code 1 t T TRUE
 *       true True 0 f F FALSE false False}; an integer out of its field's range or text where a
 *       number belongs is a {@link CodecException}; a malformed escape is one too.</li>
 * </ul>
 *
 * <p>Like the json codecs it needs Jackson (an optional dependency of cellnet-netty): floats are
 * written by the json codec's Go float formatting.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class HttpFormCodec extends AbstractByteBufCodec {
    /** The codec. */
    public static final HttpFormCodec INSTANCE = new HttpFormCodec();

    private HttpFormCodec() {
        super("httpform", "application/x-www-form-urlencoded");
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) throws Throwable {
        MessageShape shape = MessageShape.of(message.getClass());
        Map<String, String> sorted = new TreeMap<>();
        for (MessageShape.Member m : shape.members()) {
            FormValues.check(m, shape.type());
            Object value = (Object) m.getter().invoke(message);
            sorted.put(m.name(), FormValues.format(value));
        }
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(FormValues.escape(k)).append('=').append(FormValues.escape(v));
        });
        out.writeCharSequence(sb, StandardCharsets.UTF_8);
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) throws Throwable {
        return decodeForm(body.toString(StandardCharsets.UTF_8), type);
    }

    /**
     * Decodes a url-encoded form ({@code a=1&b=x}, a request body or a query string) into a
     * {@code type}.
     *
     * @throws CodecException for a malformed form, a bad value or a field type forms cannot carry
     */
    public <T> T decodeForm(String form, Class<T> type) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(type, "type");
        try {
            return type.cast(fill(parse(form), type));
        } catch (CodecException e) {
            throw new CodecException("httpform: cannot decode " + type.getName() + ": " + e.getMessage(), e);
        } catch (Throwable t) {
            if (t instanceof Error err && !(t instanceof StackOverflowError)) {
                throw err;
            }
            throw new CodecException("httpform: cannot decode " + type.getName() + ": " + t, t);
        }
    }

    private static Object fill(Map<String, List<String>> form, Class<?> type) throws Throwable {
        MessageShape shape = MessageShape.of(type);
        List<MessageShape.Member> members = shape.members();
        Object[] values = new Object[members.size()];
        for (MessageShape.Member m : members) {
            FormValues.check(m, type);
            List<String> given = form.get(m.name());
            values[m.index()] = given == null ? FormValues.zeroForRecord(m, shape.isRecord())
                    : FormValues.parse(m, type, given.get(0));
        }
        return shape.construct(values);
    }

    /** Splits and unescapes {@code a=1&b=2} (Go's {@code url.ParseQuery}, '&' only). */
    private static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = FormValues.unescape(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : FormValues.unescape(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}

package io.cellnet.netty.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.codec.CodecException;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.codec.http.HttpFormCodec;
import io.cellnet.netty.codec.http.HttpJsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** httpform with Go's url.Values rules, and httpjson as the json codec under its HTTP name. */
class HttpFormCodecTest {
    /** Every kind httpform carries. */
    record Kinds(String S, boolean B, byte I8, short I16, int I32, long I64, float F32, double F64) {
    }

    /** A field httpform cannot carry. */
    record WithList(String Name, List<String> Tags) {
    }

    /** A class: missing keys keep the constructor's values. */
    static final class Defaults {
        String Name = "default";
        int Level = 3;
    }

    private static final HttpFormCodec FORM = HttpFormCodec.INSTANCE;

    private static String encode(Object m) {
        return new String(FORM.encode(m), StandardCharsets.UTF_8);
    }

    @Test
    void encodesSortedKeysWithGosEscapes() {
        assertEquals("B=true&F32=0.1&F64=1e%2B21&I16=-2&I32=2147483647&I64=-9223372036854775808&I8=-1"
                        + "&S=a+b%26c%3D%C3%A9~-_.%2A",
                encode(new Kinds("a b&c=é~-_.*", true, (byte) -1, (short) -2, Integer.MAX_VALUE, Long.MIN_VALUE, 0.1f,
                        1e21)));
    }

    @Test
    void decodesWhatItEncodes() {
        Kinds k = new Kinds("x y", false, (byte) 7, (short) -300, 12, 1L << 40, 1.5f, -2.25);
        assertEquals(k, FORM.decode(FORM.encode(k), Kinds.class));
    }

    @Test
    void decodesGosBooleansEmptyValuesAndMissingKeys() {
        assertEquals(new Kinds("", true, (byte) 0, (short) 0, 0, 0, 0, 0), FORM.decodeForm("B=T&I32=&S=", Kinds.class));
        assertEquals(new Kinds("", false, (byte) 0, (short) 0, 0, 0, 0, 0), FORM.decodeForm("B=0", Kinds.class));
        Defaults d = FORM.decodeForm("Level=9&Other=1", Defaults.class);
        assertEquals("default", d.Name);
        assertEquals(9, d.Level);
        assertEquals("first", FORM.decodeForm("S=first&S=second", Kinds.class).S());
    }

    @Test
    void badValuesAreCodecExceptionsNamingTheField() {
        CodecException range = assertThrows(CodecException.class, () -> FORM.decodeForm("I8=128", Kinds.class));
        assertTrue(range.getMessage().contains("I8"), range.getMessage());
        assertThrows(CodecException.class, () -> FORM.decodeForm("I32=1.5", Kinds.class));
        assertThrows(CodecException.class, () -> FORM.decodeForm("F64=1d", Kinds.class));
        assertThrows(CodecException.class, () -> FORM.decodeForm("B=yes", Kinds.class));
        assertThrows(CodecException.class, () -> FORM.decodeForm("S=%4", Kinds.class));
    }

    @Test
    void otherFieldTypesAreAClearError() {
        CodecException e = assertThrows(CodecException.class, () -> FORM.encode(new WithList("a", List.of())));
        assertTrue(e.getMessage().contains("Tags"), e.getMessage());
        assertTrue(e.getMessage().contains("string, bool, integer and float"), e.getMessage());
        assertThrows(CodecException.class, () -> FORM.decodeForm("Name=a", WithList.class));
    }

    @Test
    void theHttpCodecsAreFoundByGosNames() {
        assertEquals(FORM, Codecs.get("httpform"));
        assertEquals("application/x-www-form-urlencoded", Codecs.get("httpform").mimeType());
        assertEquals(HttpJsonCodec.INSTANCE, Codecs.get("httpjson"));
        assertEquals("application/json", Codecs.get("httpjson").mimeType());
        assertEquals("{\"Token\":\"\\u003ca\\u003e\",\"Status\":1}",
                new String(Codecs.get("httpjson").encode(new HttpEchoACK("<a>", 1)), StandardCharsets.UTF_8));
        assertEquals(new HttpEchoACK("t", 2),
                Codecs.get("httpjson").decode("{\"token\":\"t\",\"STATUS\":2}".getBytes(StandardCharsets.UTF_8),
                        HttpEchoACK.class));
    }
}

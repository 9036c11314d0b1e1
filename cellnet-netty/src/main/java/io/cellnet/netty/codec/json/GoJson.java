package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The one {@link ObjectMapper} of the json codec, configured to behave like Go's encoding/json.
 *
 * <ul>
 *   <li>Properties are the fields (any visibility, not getters), named exactly as declared or by
 *       {@code @JsonProperty}, in declaration order; records use their components.
 *   <li>Output is compact; strings are escaped by {@link GoJsonEscapes}; numbers are formatted by
 *       {@link GoJsonModule}; {@code byte[]} is standard base64.
 *   <li>Input keys match case-insensitively; unknown keys are ignored; a float into an integer, an
 *       out-of-range number, a number into a string (or the reverse), an empty body and trailing
 *       content are errors.
 * </ul>
 *
 * <p>Thread safety: the mapper is thread-safe once built.
 */
final class GoJson {
    static final ObjectMapper MAPPER = build();

    private GoJson() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new GoJsonEscapes())
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        return JsonMapper.builder(factory)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .annotationIntrospector(new GoJsonModule.Introspector())
                .addModule(new GoJsonModule())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withConfigOverride(String.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .build();
    }
}

package io.cellnet.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.netty.internal.codec.GoFloats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code strconv.AppendFloat(.., 'f' or 'e', -1, 64 or 32)} as encoding/json uses it. */
public class GoFloatsTest {

    @ParameterizedTest
    @CsvSource({
        "0.0, 0", "-0.0, -0", "1.0, 1", "1.5, 1.5", "0.1, 0.1", "100.0, 100", "1e7, 10000000",
        "123456789.0, 123456789", "1e20, 100000000000000000000", "1e21, 1e+21", "1.5e300, 1.5e+300",
        "1e-6, 0.000001", "1e-7, 1e-7", "1.2345e-8, 1.2345e-8", "0.001, 0.001", "2.5e-5, 0.000025",
        "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308", "-2.25, -2.25",
        "9007199254740993, 9007199254740992", "0.30000000000000004, 0.30000000000000004",
    })
    void doubles(double value, String go) {
        assertEquals(go, GoFloats.format(value));
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1", "1e21, 1e+21", "1.4e-45, 1e-45", "3.4028235e38, 3.4028235e+38", "16777216, 16777216",
        "3.14, 3.14", "1e-7, 1e-7", "-1.5, -1.5", "1e20, 100000000000000000000",
    })
    void floats(float value, String go) {
        assertEquals(go, GoFloats.format(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteIsRefused(double value) {
        assertThrows(IllegalArgumentException.class, () -> GoFloats.format(value));
        assertThrows(IllegalArgumentException.class, () -> GoFloats.format((float) value));
    }
}

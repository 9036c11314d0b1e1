package io.cellnet.examples.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reader of the Prometheus text exposition format, enough for a chart: every sample line
 * {@code name{label="value",...} number} becomes a {@link Sample}; comments and blank lines are
 * skipped, and so is a line it cannot read.
 *
 * <p>Thread safety: stateless.
 */
final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * One sample.
     *
     * @param name   the metric name, such as {@code jvm_memory_used_bytes}
     * @param labels its labels, in order
     * @param value  its value ({@code NaN} and the infinities as Prometheus writes them)
     */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The samples of {@code text}. */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Sample s = parseLine(line.strip());
            if (s != null) {
                samples.add(s);
            }
        }
        return samples;
    }

    private static @Nullable Sample parseLine(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        String rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    return null;
                }
                String key = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (j < line.length() && line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char n = line.charAt(++j);
                        value.append(n == 'n' ? '\n' : n);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1 <= line.length() ? line.substring(Math.min(i + 1, line.length())).strip() : "";
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String number = rest.split("\\s+")[0];
        try {
            return new Sample(name, labels, parseValue(number));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double parseValue(String number) {
        return switch (number) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(number);
        };
    }
}

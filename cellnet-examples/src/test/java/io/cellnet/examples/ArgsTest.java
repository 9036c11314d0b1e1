package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Args}: parsing against a {@link Usage}, defaults, typed values and the messages of every error. */
class ArgsTest {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:1", "where");
    private static final Option COUNT = Option.of("count", "N", "10", "how many");
    private static final Option CODEC = Option.of("codec", "json|binary", "json", "which codec");
    private static final Option QUIET = Option.flag("quiet", "say less");
    private static final Option NOT_DECLARED = Option.of("other", "X", "", "elsewhere");
    private static final Usage USAGE = Usage.of("tool", "a tool", "", ADDRESS, COUNT, CODEC, QUIET);
    private static final Usage MODES = USAGE.withModes("run", "compare");

    private static Args parse(Usage usage, String... argv) {
        return Args.parse(usage, List.of(argv));
    }

    private static String error(Usage usage, String... argv) {
        return assertThrows(IllegalArgumentException.class, () -> parse(usage, argv)).getMessage();
    }

    @Test
    void optionsNotGivenHaveTheirDefaults() {
        Args args = parse(USAGE);
        assertEquals("127.0.0.1:1", args.get(ADDRESS));
        assertEquals(10, args.getInt(COUNT));
        assertEquals("json", args.choice(CODEC));
        assertFalse(args.flag(QUIET));
        assertFalse(args.isGiven(COUNT));
        assertFalse(args.help());
        assertEquals("", args.mode());
    }

    @Test
    void givenOptionsTheirValuesInEitherForm() {
        Args args = parse(USAGE, "--count", "3", "--quiet", "--codec=binary", "--address", "h:2");
        assertEquals(3, args.getPositiveInt(COUNT));
        assertEquals("binary", args.choice(CODEC));
        assertTrue(args.flag(QUIET));
        assertEquals("h:2", args.get(ADDRESS));
        assertTrue(args.isGiven(COUNT));
    }

    @Test
    void aValueMayLookLikeANegativeNumber() {
        assertEquals(-1, parse(USAGE, "--count", "-1").getInt(COUNT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bogus 1            | unknown option --bogus",
        "--count              | --count needs a value (N)",
        "--count --quiet      | --count needs a value (N)",
        "--quiet yes          | --quiet takes no value, got 'yes'",
        "--quiet=yes          | --quiet takes no value, got 'yes'",
        "--count 1 --count 2  | --count is given twice",
        "stray                | unexpected argument 'stray'",
        "--count 1 stray      | unexpected argument 'stray'",
        "--                   | unexpected argument '--'",
    })
    void everyParseErrorNamesTheWordOrOption(String argv, String message) {
        assertEquals(message, error(USAGE, argv.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--count many ; --count needs a number, got 'many'",
        "--count 0    ; --count must be at least 1, got 0",
        "--codec xml  ; --codec must be one of json|binary, got 'xml'",
    })
    void aBadValueIsRefusedWhenReadNamingTheOption(String argv, String message) {
        Args args = parse(USAGE, argv.split(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            args.getPositiveInt(COUNT);
            args.choice(CODEC);
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void aConverterFailureIsPrefixedWithTheOption() {
        Args args = parse(USAGE, "--address", "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> args.get(ADDRESS, a -> {
            throw new IllegalArgumentException("must be HOST:PORT, got '" + a + "'");
        }));
        assertEquals("--address must be HOST:PORT, got 'x'", e.getMessage());
        assertEquals(Integer.valueOf(7), parse(USAGE, "--address", "7").get(ADDRESS, Integer::valueOf));
    }

    @Test
    void helpAnywhereAsksForHelpAndNothingElseIsChecked() {
        assertTrue(parse(USAGE, "--bogus", "--help").help());
        assertTrue(parse(USAGE, "-h").help());
    }

    @Test
    void aModeIsTheFirstWordOrTheDefault() {
        assertEquals("run", parse(MODES).mode());
        assertEquals("run", parse(MODES, "--count", "2").mode());
        assertEquals("compare", parse(MODES, "compare", "--count", "2").mode());
        assertEquals("unknown mode 'walk', expected one of run|compare", error(MODES, "walk"));
        assertEquals("unexpected argument 'compare'", error(MODES, "--count", "1", "compare"));
        assertEquals("unexpected argument 'run'", error(USAGE, "run"));
    }

    @Test
    void refuseNamesTheOptionAndWhereItDoesNotApply() {
        Args args = parse(MODES, "--count", "2");
        args.refuse("tool run", QUIET, CODEC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> args.refuse("tool run", QUIET, COUNT));
        assertEquals("--count does not apply to tool run", e.getMessage());
    }

    @Test
    void readingAnOptionTheCommandDidNotDeclareIsAProgrammingError() {
        Args args = parse(USAGE);
        assertThrows(IllegalStateException.class, () -> args.get(NOT_DECLARED));
        assertThrows(IllegalStateException.class, () -> args.get(Option.of("count", "N", "99", "changed")));
        assertThrows(IllegalStateException.class, () -> args.flag(COUNT));
        assertThrows(IllegalStateException.class, () -> args.choice(COUNT));
    }
}

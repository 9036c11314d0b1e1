package io.cellnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionalDependencyTest {

    @Test
    void presentWhenItsClassIsThere() {
        assertTrue(new OptionalDependency("org.slf4j:slf4j-api", "org.slf4j", "org.slf4j.LoggerFactory")
                .isPresent(OptionalDependencyTest.class));
        assertFalse(new OptionalDependency("com.example:absent", "com.example.absent", "com.example.absent.Nothing")
                .isPresent(OptionalDependencyTest.class));
    }

    @Test
    void theMessageNamesTheArtifactAndTheModule() {
        assertEquals("the json codec needs com.fasterxml.jackson.core:jackson-databind, which is missing: add it to"
                + " the dependencies (an optional dependency of cellnet); on the module path also 'requires"
                + " com.fasterxml.jackson.databind' or --add-modules com.fasterxml.jackson.databind",
                new OptionalDependency("com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.databind",
                        "com.fasterxml.jackson.databind.ObjectMapper").missing("the json codec"));
    }
}

package io.cellnet.internal;

/**
 * A library that one feature of cellnet needs and that only the users of that feature add: an
 * {@code <optional>} Maven dependency of a cellnet module, read through {@code requires static}.
 * Says whether it is there, looking a class of it up by name so that nothing of it loads before,
 * and what to add when it is not.
 *
 * <p>Thread safety: immutable.
 *
 * @param artifact   the Maven coordinates to add, {@code groupId:artifactId}
 * @param module     its JPMS module name
 * @param probeClass a class of it, looked up by name
 */
public record OptionalDependency(String artifact, String module, String probeClass) {

    /**
     * Whether {@link #probeClass()} can be loaded by the class loader of {@code user}: on the class
     * path, whether the jar is there; on the module path, whether its module was resolved.
     */
    public boolean isPresent(Class<?> user) {
        try {
            Class.forName(probeClass, false, user.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Why {@code feature} cannot work without it, and what to add. */
    public String missing(String feature) {
        return feature + " needs " + artifact + ", which is missing: add it to the dependencies (an optional"
                + " dependency of cellnet); on the module path also 'requires " + module + "' or --add-modules "
                + module;
    }
}

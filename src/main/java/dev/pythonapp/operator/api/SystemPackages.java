package dev.pythonapp.operator.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * System packages of spec.build.packages and spec.runtime.packages: the names the schema admits, and the same check
 * for the Dockerfile generator, which puts them on a RUN line. A name is a plain package name (letters, digits and
 * {@code . _ + -}, starting with a letter or digit), so no option, space, quote, newline or shell syntax can reach
 * that line even if the schema were bypassed.
 */
public final class SystemPackages {
    public static final int MAX_COUNT = 50;
    public static final int MAX_NAME_LENGTH = 128;
    public static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._+-]*$";

    /** The CEL rule of both lists; the pattern has no backslash or quote, so it goes into the CEL string as it is. */
    static final String NAMES_RULE = "self.all(p, p.matches('" + NAME_PATTERN + "'))";

    static final String NAMES_MESSAGE = "each entry must be one package name: letters, digits and . _ + -, starting "
            + "with a letter or digit (for example gcc, python3.12-devel or libpq); no versions, options, spaces or "
            + "shell syntax";

    /**
     * Compilers and header files never belong in the run-time image (spec.build.packages exist only in the stage
     * that assembles the app): gcc*, clang*, *-devel and *-headers are refused in spec.runtime.packages.
     */
    static final String NO_COMPILERS_RULE =
            "!self.exists(p, p.startsWith('gcc') || p.startsWith('clang') || p.endsWith('-devel') "
                    + "|| p.endsWith('-headers'))";

    static final String NO_COMPILERS_MESSAGE = "runtime.packages must not install compilers or header files (gcc*, "
            + "clang*, *-devel, *-headers): list them in build.packages, which exist only in the stage that "
            + "assembles the app, and keep runtime.packages for libraries the app loads at run time (e.g. libpq)";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private SystemPackages() {}

    public static boolean isValidName(String name) {
        return name != null
                && name.length() <= MAX_NAME_LENGTH
                && NAME.matcher(name).matches();
    }

    /** {@code names}, or an exception naming the first entry that is not a package name. */
    public static List<String> requireValid(List<String> names) {
        for (String name : names) {
            if (!isValidName(name)) {
                throw new IllegalArgumentException("not a package name: \"" + name + "\" (" + NAMES_MESSAGE + ")");
            }
        }
        return names;
    }
}

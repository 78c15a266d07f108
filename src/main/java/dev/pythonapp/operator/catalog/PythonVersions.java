package dev.pythonapp.operator.catalog;

import java.util.Comparator;

/** "3.12"-style version strings. */
public final class PythonVersions {
    public static final Comparator<String> ORDER =
            Comparator.comparingInt((String v) -> parse(v)[0]).thenComparingInt(v -> parse(v)[1]);

    private PythonVersions() {}

    public static int[] parse(String version) {
        String[] parts = version.split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a major.minor Python version: " + version);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** "3.12" -> "312", as in image names like python-312. */
    public static String compact(String version) {
        return version.replace(".", "");
    }
}

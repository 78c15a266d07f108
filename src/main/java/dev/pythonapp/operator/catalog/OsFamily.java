package dev.pythonapp.operator.catalog;

import java.util.List;

/**
 * The OS families of builder images and their generations. The order of {@link #DEFAULT_PREFERENCE} is the documented
 * default when a PythonApp names no OS: UBI first (supported, unauthenticated pulls from registry.access.redhat.com),
 * newest generation before the oldest, then CentOS Stream, then Fedora.
 */
public final class OsFamily {
    /** Default OS choice order for a Python version. */
    public static final List<String> DEFAULT_PREFERENCE = List.of("ubi9", "ubi10", "ubi8", "c10s", "c9s", "fedora");

    /** Generations per lineage, oldest first: the "next OS generation" of the successor rule. */
    private static final List<List<String>> LINEAGES = List.of(
            List.of("ubi7", "ubi8", "ubi9", "ubi10"), List.of("centos7", "c8s", "c9s", "c10s"), List.of("fedora"));

    private OsFamily() {}

    /** The OS generations after {@code os} in its lineage, nearest first. */
    public static List<String> laterGenerations(String os) {
        for (List<String> lineage : LINEAGES) {
            int i = lineage.indexOf(os);
            if (i >= 0) {
                return lineage.subList(i + 1, lineage.size());
            }
        }
        return List.of();
    }
}

package dev.pythonapp.operator.api;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OS families of builder images: the one list the API enum ({@link BuilderSpec.Os}), the catalog loader and the
 * defaults derive from. Declared per lineage, oldest generation first: the "next OS generation" of the successor
 * rule. Families users may select carry their rank in the documented default order: UBI first (supported,
 * unauthenticated pulls from registry.access.redhat.com), newest generation before the oldest, then CentOS Stream,
 * then Fedora. Retired families stay known so the catalog can describe (and find successors for) their images.
 */
public enum OsFamily implements WireName.LowerCase {
    UBI7(Lineage.UBI),
    UBI8(Lineage.UBI, 3),
    UBI9(Lineage.UBI, 1),
    UBI10(Lineage.UBI, 2),
    CENTOS7(Lineage.CENTOS),
    C8S(Lineage.CENTOS),
    C9S(Lineage.CENTOS, 5),
    C10S(Lineage.CENTOS, 4),
    FEDORA(Lineage.FEDORA, 6);

    /** Families whose generations succeed each other. */
    public enum Lineage {
        UBI,
        CENTOS,
        FEDORA
    }

    private final Lineage lineage;
    /** Rank in the default order; 0 for a retired family that users may not select. */
    private final int defaultRank;

    /** A retired family: in the catalog, not selectable in spec.builder.os. */
    OsFamily(Lineage lineage) {
        this(lineage, 0);
    }

    OsFamily(Lineage lineage, int defaultRank) {
        this.lineage = lineage;
        this.defaultRank = defaultRank;
    }

    /** Default OS choice order for a Python version: every family users may select, best first. */
    public static final List<OsFamily> DEFAULT_PREFERENCE = Arrays.stream(values())
            .filter(OsFamily::selectable)
            .sorted(Comparator.comparingInt(f -> f.defaultRank))
            .toList();

    public Lineage lineage() {
        return lineage;
    }

    /** Whether spec.builder.os accepts it. */
    public boolean selectable() {
        return defaultRank > 0;
    }

    /** The generations after this one in its lineage, nearest first. */
    public List<OsFamily> laterGenerations() {
        return Arrays.stream(values())
                .filter(f -> f.lineage == lineage && f.ordinal() > ordinal())
                .toList();
    }

    public static Optional<OsFamily> byId(String id) {
        return WireName.byId(OsFamily.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
